// The example site's generator:
//   node site.js --api http://localhost:8080/ --out public --state state.json
// Without a state file it builds every exercise and condition page and keeps the change feed's cursor (and which page
// shows which linked entry) in the state file. With one it reads /api/v1/changes from that cursor and rebuilds only the
// pages of changed entries and the pages that show them (a republished red flag rebuilds every page that lists it). A
// webhook receiver would run the same incremental build when Sacrum tells it something was published or withdrawn.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ApiError, SacrumClient } from './client.js';
import { conditionPage, escape, exercisePage, STYLESHEET } from './pages.js';

const INCLUDE = 'warnings,conditions,exercises';

/** The cursor to read changes from, and per page ("exercises/pelvic-tilts") the entries it shows ("warnings/calf-pain"). */
interface State {
  cursor: string;
  pages: Record<string, string[]>;
}

const { values } = parseArgs({
  options: { api: { type: 'string' }, out: { type: 'string' }, state: { type: 'string' } },
});
if (!values.api || !values.out || !values.state) {
  console.error('usage: node site.js --api <Sacrum base URL> --out <folder> --state <file>');
  process.exit(2);
}
const client = new SacrumClient(values.api);
const out = values.out;
const stateFile = values.state;

async function main(): Promise<void> {
  const previous = await readState();
  const state: State = previous ?? { cursor: '0', pages: {} };
  const head = await readChanges(state.cursor); // read before building: nothing published meanwhile is lost
  if (previous === null) {
    const built = await buildAll(state);
    console.log(`full build: ${built} pages`);
  } else {
    const stale = new Set<string>();
    for (const change of head.items) {
      const key = `${folder(change.type)}/${change.slug}`;
      stale.add(key);
      for (const [page, shows] of Object.entries(state.pages)) {
        if (shows.includes(key)) {
          stale.add(page);
        }
      }
    }
    let rebuilt = 0;
    for (const key of stale) {
      rebuilt += await buildPage(state, key) ? 1 : 0;
    }
    console.log(`incremental build: ${head.items.length} changes, ${rebuilt} pages rebuilt`);
  }
  state.cursor = head.next;
  await writeIndex(state);
  await writeFile(stateFile, JSON.stringify(state, null, 2));
}

async function readChanges(since: string): Promise<{ items: { type: string; slug: string }[]; next: string }> {
  const items: { type: string; slug: string }[] = [];
  let cursor = since;
  for (;;) {
    const page = await client.changes(cursor);
    items.push(...page.items);
    if (page.items.length === 0 || page.next === cursor) {
      return { items, next: cursor };
    }
    cursor = page.next;
  }
}

async function buildAll(state: State): Promise<number> {
  let built = 0;
  for (let page = 1; ; page++) {
    const exercises = await client.exercises({ page, size: 100 });
    for (const e of exercises.items) {
      built += await buildPage(state, `exercises/${e.slug}`) ? 1 : 0;
    }
    if (page >= exercises.pages) break;
  }
  for (let page = 1; ; page++) {
    const conditions = await client.conditions({ page, size: 100 });
    for (const c of conditions.items) {
      built += await buildPage(state, `conditions/${c.slug}`) ? 1 : 0;
    }
    if (page >= conditions.pages) break;
  }
  return built;
}

/** Renders one page (exercises/x or conditions/x) afresh, or removes it when the entry is no longer public. */
async function buildPage(state: State, key: string): Promise<boolean> {
  const [kind, slug] = key.split('/') as [string, string];
  if (kind !== 'exercises' && kind !== 'conditions') {
    return false; // warnings and other types have no page of their own here: the pages that show them are rebuilt
  }
  const file = join(out, kind, `${slug}.html`);
  try {
    let html: string;
    let shows: string[];
    if (kind === 'exercises') {
      const exercise = await client.exercise(slug, { include: INCLUDE });
      html = exercisePage(exercise);
      shows = linked(exercise.included);
    } else {
      const condition = await client.condition(slug, { include: INCLUDE });
      html = conditionPage(condition);
      shows = linked(condition.included);
    }
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, html);
    state.pages[key] = shows;
    return true;
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 410)) {
      await rm(file, { force: true });
      delete state.pages[key];
      return true;
    }
    throw e;
  }
}

function linked(included: { [plural: string]: { slug: string }[] | undefined } | undefined): string[] {
  return Object.entries(included ?? {}).flatMap(([plural, entries]) => (entries ?? []).map(e => `${plural}/${e.slug}`));
}

function folder(type: string): string {
  return type === 'podcast-episode' ? 'podcast-episodes' : `${type}s`;
}

async function readState(): Promise<State | null> {
  try {
    return JSON.parse(await readFile(stateFile, 'utf8')) as State;
  } catch {
    return null;
  }
}

async function writeIndex(state: State): Promise<void> {
  const links = Object.keys(state.pages).sort()
    .map(key => `<li><a href="${escape(key)}.html">${escape(key)}</a></li>`).join('\n');
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'index.html'), `<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Example site</title><link rel="stylesheet" href="site.css"></head>
<body><main><h1>Exercises and conditions</h1><ul>
${links}
</ul></main></body></html>
`);
  await writeFile(join(out, 'site.css'), STYLESHEET);
}

await main();
