/**
 * A small soak of every cloud in every test run: lifecycles through the provider against the
 * emulator with faults on one request in five. `npm run soak` runs the full-size version.
 */
import { formatReport, runSoak } from "../../scripts/soak";
import { SOAK_CLOUDS } from "../../scripts/soakClouds";

it.each(Object.keys(SOAK_CLOUDS))(
  "%s: 40 lifecycles at fault rate 0.2, nothing duplicated, lost or unhandled; every error actionable",
  async (cloud) => {
    const report = await runSoak({
      cloud,
      lifecycles: 40,
      faultRate: 0.2,
      concurrency: 10,
      rateLimit: 200,
      seed: 7,
      timeScale: 50,
    });
    console.log(formatReport(report));
    expect(report.faultsInjected).toBeGreaterThan(20);
    expect(report.duplicates).toEqual([]);
    expect(report.lost).toEqual([]);
    expect(report.unhandledRejections).toBe(0);
    expect(report.errors.filter((e) => !e.actionable)).toEqual([]);
    expect(report.completed).toBeGreaterThanOrEqual(38);
  },
);

it.each(Object.keys(SOAK_CLOUDS))(
  "%s: creates that outlive their deadline are all recorded in the stack, and the next up completes them",
  async (cloud) => {
    const report = await runSoak({
      cloud,
      lifecycles: 12,
      faultRate: 0.1,
      concurrency: 6,
      rateLimit: 200,
      seed: 11,
      timeScale: 50,
      // Backups take 20 s in the soak: every create gives up waiting after 6.
      waitTimeoutMinutes: 0.1,
    });
    console.log(formatReport(report));
    expect(report.recordedPartial).toBeGreaterThanOrEqual(10);
    expect(report.completedByNextUp).toBe(report.recordedPartial);
    expect(report.duplicates).toEqual([]);
    expect(report.lost).toEqual([]);
    expect(report.unhandledRejections).toBe(0);
    expect(report.errors.filter((e) => !e.actionable)).toEqual([]);
  },
);
