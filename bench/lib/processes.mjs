// Running the tools as whole processes: wall time, and peak memory of the process tree.

import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PAGE_SIZE = 4096; // bytes per page in /proc/<pid>/stat's rss field on x86-64 and arm64 Linux
const SAMPLE_INTERVAL_MS = 50;

/**
 * Runs a command to completion. Output is captured, not shown: stdout of this script is the report.
 * Resolves with the wall time from spawn to exit, the exit code and the end of stderr.
 */
export function runProcess({ command, args, cwd, env }, onStart = () => {}) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    onStart(child.pid);
    let output = '';
    const keep = (chunk) => {
      output = (output + chunk).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => resolve({ ms: performance.now() - started, code: -1, output: error.message }));
    child.on('close', (code, signal) =>
      resolve({
        ms: performance.now() - started,
        code: code ?? -1,
        output: signal ? `${output}\n(${signal})` : output,
      }),
    );
  });
}

/** pid → parent pid for every process we can see, read from /proc/<pid>/stat. */
function readProcessTable() {
  const table = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name (field 2) may hold spaces and parentheses; fields after the last ')' are safe to split.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.set(Number(name), { ppid: Number(fields[1]), rssBytes: Number(fields[21]) * PAGE_SIZE });
    } catch {
      // The process ended between readdir and read.
    }
  }
  return table;
}

/** Sum of RSS over every descendant of rootPid (not rootPid itself: that is the /usr/bin/time wrapper). */
function descendantsRss(rootPid) {
  const table = readProcessTable();
  const children = new Map();
  for (const [pid, { ppid }] of table) {
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(pid);
  }
  let total = 0;
  const queue = [...(children.get(rootPid) ?? [])];
  while (queue.length > 0) {
    const pid = queue.pop();
    total += table.get(pid)?.rssBytes ?? 0;
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

/**
 * Peak memory of one run, two ways: GNU time's %M (max RSS of the process; Linux folds in the
 * largest child it waited for), and the peak of the summed RSS of the whole tree, sampled every
 * 50 ms from /proc. The sum counts pages shared between Chromium's processes more than once, so
 * it is an upper bound; the sampling can miss spikes shorter than 50 ms.
 */
export async function measurePeakMemory(job) {
  const timeFile = join(tmpdir(), `deck-bench-time-${process.pid}.txt`);
  let wrapperPid;
  let treePeak = 0;
  const sampler = setInterval(() => {
    if (wrapperPid !== undefined) treePeak = Math.max(treePeak, descendantsRss(wrapperPid));
  }, SAMPLE_INTERVAL_MS);
  const wrapped = { ...job, command: '/usr/bin/time', args: ['-f', '%M', '-o', timeFile, job.command, ...job.args] };
  const result = await runProcess(wrapped, (pid) => {
    wrapperPid = pid;
  });
  clearInterval(sampler);
  let mainPeak = Number.NaN;
  try {
    // GNU time writes "Command exited with non-zero status N" above the number when the command fails.
    const lines = readFileSync(timeFile, 'utf8').trim().split('\n');
    mainPeak = Number(lines.at(-1)) * 1024;
  } catch {
    // No file: time itself could not run; leave NaN.
  }
  rmSync(timeFile, { force: true });
  return { ...result, mainPeakBytes: mainPeak, treePeakBytes: treePeak };
}

/** A TCP port nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
