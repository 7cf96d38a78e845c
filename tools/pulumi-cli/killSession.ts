/**
 * Killing a deployment the way a cancelled CI job or a closed laptop does: every process at
 * once, with SIGKILL, nothing given a chance to clean up.
 *
 * The CLI starts its plugins (the language host, and the dynamic-provider host that runs our
 * provider) each in a process group of its own, so killing the CLI's group leaves them running
 * (and polling the cloud). They stay in the CLI's session, though: a CLI spawned `detached` leads
 * a session of its own, and every process whose session id is the CLI's pid belongs to it.
 */
import * as fs from "fs";

/** The pids whose session the process `leader` leads (the leader included), from /proc. */
export function sessionMembers(leader: number): number[] {
  const members: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // gone meanwhile
    }
    // pid (comm) state ppid pgrp session ...; comm may hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[3]) === leader) members.push(Number(entry));
  }
  return members;
}

/** SIGKILLs every process of the session `leader` leads, by pid; returns how many were killed. */
export function killSession(leader: number): number {
  let killed = 0;
  for (const pid of sessionMembers(leader)) {
    try {
      process.kill(pid, "SIGKILL");
      killed++;
    } catch {
      // already gone
    }
  }
  return killed;
}
