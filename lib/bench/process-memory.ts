import fs from "node:fs";

/** Resident memory (bytes) of a process and all its descendants, from /proc (Linux). */
export function treeRss(rootPid: number, includeRoot = true): number {
  let total = 0;
  const visit = (pid: number, isRoot: boolean) => {
    if (!isRoot || includeRoot) total += rssOf(pid);
    for (const child of childrenOf(pid)) visit(child, false);
  };
  visit(rootPid, true);
  return total;
}

function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
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

/** Samples a process tree's RSS every `everyMs` and keeps the peak. */
export function peakRssSampler(rootPid: number, everyMs = 250) {
  let peak = 0;
  const t = setInterval(() => (peak = Math.max(peak, treeRss(rootPid, false))), everyMs);
  return {
    peak: () => peak,
    reset: () => (peak = treeRss(rootPid, false)),
    stop: () => clearInterval(t),
  };
}
