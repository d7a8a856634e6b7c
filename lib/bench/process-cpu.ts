import fs from "node:fs";

const TICKS_PER_S = 100; // USER_HZ on Linux

/**
 * CPU time (ms) used so far by a process and all its descendants, from /proc (Linux). Unlike wall
 * time, it barely changes when other programs share the machine, so it compares runs fairly.
 */
export function treeCpuMs(rootPid: number): number {
  let ticks = 0;
  const visit = (pid: number) => {
    try {
      // fields after the ")" that ends the command name: state is 3rd, utime 14th, stime 15th
      const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      return;
    }
    for (const child of childrenOf(pid)) visit(child);
  };
  visit(rootPid);
  return (ticks * 1000) / TICKS_PER_S;
}

function childrenOf(pid: number): number[] {
  try {
    return fs
      .readdirSync(`/proc/${pid}/task`)
      .flatMap((tid) => fs.readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim().split(/\s+/))
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}
