// Loaded with `node --import` into a child process whose peak memory a test or benchmark measures:
// at exit it writes the process's peak resident set (all its threads, kilobytes) to the file
// KHOLUU_PEAK_RSS_FILE names. Polling /proc from outside would miss a peak in the last moments.
import fs from 'node:fs';

const out = process.env.KHOLUU_PEAK_RSS_FILE;
if (out) process.on('exit', () => fs.writeFileSync(out, String(process.resourceUsage().maxRSS)));
