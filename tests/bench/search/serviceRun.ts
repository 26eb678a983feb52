/**
 * Runs the query set against the services in a process of its own, so that its resident memory
 * and its time from opening the catalogue to the first answer are the services' alone (not the
 * benchmark's query generation). `tsx tests/bench/search/serviceRun.ts <catalogue> <queries.json> <rounds> <out.json>`.
 */
import fs from 'node:fs';
import { measureService } from './measure';
import type { BenchQuery } from './querySet';

const [cataloguePath, queriesPath, rounds, outPath] = process.argv.slice(2) as [string, string, string, string];
const queries = JSON.parse(fs.readFileSync(queriesPath, 'utf8')) as BenchQuery[];
measureService(cataloguePath, queries, Number(rounds))
  .then((figures) => fs.writeFileSync(outPath, JSON.stringify(figures)))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
