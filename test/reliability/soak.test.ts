/**
 * A small soak of every cloud in every test run: lifecycles through the provider against the
 * emulator with faults on one request in five. `npm run soak` runs the full-size version.
 */
import { SoakOptions, SoakReport, formatReport, runSoak } from "../../scripts/soak";
import { SOAK_CLOUDS } from "../../scripts/soakClouds";

const small = { concurrency: 25, rateLimit: 20, timeScale: 50 };

async function soak(o: Omit<SoakOptions, keyof typeof small>): Promise<SoakReport> {
  const report = await runSoak({ ...small, ...o });
  console.log(formatReport(report));
  // What must hold in every run: nothing duplicated, lost or unhandled, and every error actionable.
  expect(report.duplicates).toEqual([]);
  expect(report.lost).toEqual([]);
  expect(report.unhandledRejections).toBe(0);
  // The client keeps to the vendor's rate: nothing refused but what was injected.
  expect(report.rateLimited).toBe(0);
  expect(report.errors.filter((e) => !e.actionable)).toEqual([]);
  return report;
}

it.each(Object.keys(SOAK_CLOUDS))(
  "%s: 40 lifecycles at fault rate 0.2, nothing duplicated, lost or unhandled; every error actionable",
  async (cloud) => {
    const report = await soak({ cloud, lifecycles: 40, faultRate: 0.2, seed: 7 });
    expect(report.faultsInjected).toBeGreaterThan(20);
    expect(report.completed).toBeGreaterThanOrEqual(38);
  },
);

it.each(Object.keys(SOAK_CLOUDS))(
  "%s: creates that outlive their deadline are all recorded in the stack, and the next up completes them",
  async (cloud) => {
    // Backups take 20 s in the soak: every create gives up waiting after 6.
    const report = await soak({ cloud, lifecycles: 12, faultRate: 0.1, seed: 11, waitTimeoutMinutes: 0.1 });
    expect(report.recordedPartial).toBeGreaterThanOrEqual(10);
    expect(report.completedByNextUp).toBe(report.recordedPartial);
  },
);
