/**
 * The engine's own account of an update, in order: `pulumi up --event-log <file>` writes one JSON
 * event per line. A step's start is its `resourcePreEvent`, its end its `resOutputsEvent`.
 */
import * as fs from "fs";

export interface StepEvent {
  /** "pre" when the step starts, "done" when it finished. */
  phase: "pre" | "done";
  /** The engine's operation: create, update, delete, replace, create-replacement, delete-replaced... */
  op: string;
  /** Resource name (the last part of the URN). */
  name: string;
}

/** The step events of an event log, in the order the engine wrote them. */
export function stepEvents(file: string): StepEvent[] {
  const events: StepEvent[] = [];
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const e = JSON.parse(line) as {
      resourcePreEvent?: { metadata: { op: string; urn: string } };
      resOutputsEvent?: { metadata: { op: string; urn: string } };
    };
    const [phase, m] = e.resourcePreEvent
      ? (["pre", e.resourcePreEvent.metadata] as const)
      : e.resOutputsEvent
        ? (["done", e.resOutputsEvent.metadata] as const)
        : [undefined, undefined];
    if (!phase || m.urn.includes("::pulumi:pulumi:Stack::")) continue;
    events.push({ phase, op: m.op, name: m.urn.slice(m.urn.lastIndexOf("::") + 2) });
  }
  return events;
}

/** Where `step` stands in `events` (-1 when absent), e.g. `indexOf(events, "done", "create", "first")`. */
export function indexOf(events: StepEvent[], phase: StepEvent["phase"], op: string, name: string): number {
  return events.findIndex((e) => e.phase === phase && e.op === op && e.name === name);
}
