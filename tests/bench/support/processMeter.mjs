// Loaded into a measured command with `node --import` (plain JavaScript: the built command line
// runs without TypeScript): when the process exits, writes to the file named by
// KHOLUU_BENCH_METER its CPU seconds (every thread, user and kernel), its peak memory (maxRSS, and
// rss sampled every 20 ms) and when each job phase began, in seconds from this module's loading
// (the process's start, give or take Node's own boot), from the jobs' diagnostics channel.
import diagnostics from 'node:diagnostics_channel';
import fs from 'node:fs';

const out = process.env.KHOLUU_BENCH_METER;
if (out) {
  const since = process.hrtime.bigint();
  const at = () => Number(process.hrtime.bigint() - since) / 1e9;
  const stages = [];
  diagnostics.subscribe('kholuu.job', (event) => {
    stages.push({ name: event.phase ?? event.state, at: at() });
  });
  let peak = process.memoryUsage.rss();
  setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 20).unref();
  process.on('exit', () => {
    const cpu = process.cpuUsage();
    const MB = 1024 * 1024;
    fs.writeFileSync(
      out,
      JSON.stringify({
        seconds: at(),
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
        peakRssMB: Math.max(peak, process.memoryUsage.rss()) / MB,
        maxRssMB: process.resourceUsage().maxRSS / 1024,
        stages,
      }),
    );
  });
}
