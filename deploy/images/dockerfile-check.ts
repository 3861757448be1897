// Static checks of the Dockerfiles: a small parser (stages, continuation lines, ARG defaults) and the rules the
// images must follow. Pure functions; deploy/images.test.ts feeds them the real files and broken copies.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImageSpec } from './image-specs.js';

/** Workspace package name → folder, from the root package.json (what `npm ci` needs manifests for). */
export function readWorkspaces(repoRoot: string): Map<string, string> {
  const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as { name: string; workspaces?: string[] };
  return new Map(
    (read(join(repoRoot, 'package.json')).workspaces ?? []).map((folder) => [read(join(repoRoot, folder, 'package.json')).name, folder]),
  );
}

interface Instruction {
  keyword: string;
  args: string;
}
interface Stage {
  base: string;
  name: string | undefined;
  instructions: Instruction[];
}

export function parseDockerfile(text: string): { args: Map<string, string>; stages: Stage[] } {
  const logical: string[] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (pending === '' && (line.trim() === '' || line.trim().startsWith('#'))) continue;
    if (line.trim().startsWith('#')) continue; // comment inside a continuation
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    logical.push(pending + line);
    pending = '';
  }
  const args = new Map<string, string>();
  const stages: Stage[] = [];
  for (const line of logical) {
    const match = /^\s*(\w+)\s+(.*)$/s.exec(line);
    if (!match) continue;
    const keyword = match[1]!.toUpperCase();
    const rest = match[2]!.trim();
    if (keyword === 'FROM') {
      const [image = '', as, name] = rest.split(/\s+/);
      const base = image.replace(/\$\{(\w+)\}/g, (_, v: string) => args.get(v) ?? `\${${v}}`);
      stages.push({ base, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else if (stages.length === 0) {
      if (keyword === 'ARG') {
        const [key, value = ''] = rest.split('=');
        args.set(key!, value);
      }
    } else {
      stages.at(-1)!.instructions.push({ keyword, args: rest });
    }
  }
  return { args, stages };
}

/** Stages a stage inherits from (itself first), following `FROM <earlier stage>`. */
function lineage(stages: Stage[], index: number): Stage[] {
  const chain: Stage[] = [];
  let current: Stage | undefined = stages[index];
  while (current) {
    chain.push(current);
    const base = current.base;
    current = stages.slice(0, stages.indexOf(current)).find((s) => s.name === base);
  }
  return chain;
}

/** Minimal .dockerignore matcher (`**`, `*`, `?`; a pattern also covers everything below a matched folder). */
export function ignoredBy(patterns: string[], path: string): string | undefined {
  const clean = path.replace(/^\.\//, '').replace(/\/$/, '');
  const toRegex = (pattern: string) => {
    let source = '';
    for (let i = 0; i < pattern.length; i++) {
      if (pattern.startsWith('**/', i)) {
        source += '(?:.*/)?';
        i += 2;
      } else if (pattern.startsWith('**', i)) {
        source += '.*';
        i += 1;
      } else if (pattern[i] === '*') source += '[^/]*';
      else if (pattern[i] === '?') source += '[^/]';
      else source += pattern[i]!.replace(/[.+^$()|[\]{}\\]/g, '\\$&');
    }
    return new RegExp(`^${source}(?:/.*)?$`);
  };
  return patterns.find((pattern) => toRegex(pattern.replace(/^\//, '')).test(clean));
}

function copySources(args: string): { from: string | undefined; sources: string[] } {
  let from: string | undefined;
  const parts = args.split(/\s+/).filter((part) => {
    if (part.startsWith('--from=')) from = part.slice('--from='.length);
    return !part.startsWith('--');
  });
  return { from, sources: parts.slice(0, -1) };
}

function parseEnv(args: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const m of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g)) {
    pairs.push([m[1]!, m[2]!.replace(/^(["'])(.*)\1$/, '$2')]);
  }
  return pairs;
}

/**
 * Problems of one Dockerfile. `workspaces` maps workspace package names to folders (root package.json);
 * `exists` tells whether a path of the build context (the repository root) exists.
 */
export function checkDockerfile(
  spec: ImageSpec,
  text: string,
  dockerignore: string[],
  exists: (path: string) => boolean,
  workspaces: Map<string, string>,
): string[] {
  const problems: string[] = [];
  const { stages } = parseDockerfile(text);
  if (stages.length === 0) return [`${spec.file}: no FROM`];
  const final = stages.length - 1;
  const finalChain = lineage(stages, final);

  const users = finalChain.flatMap((s) => s.instructions.filter((i) => i.keyword === 'USER')).map((i) => i.args);
  const user = users[0]; // nearest USER wins (the chain starts with the final stage)
  if (!user) problems.push(`${spec.file}: final stage has no USER`);
  else if (/^(root|0)(:|$)/.test(user)) problems.push(`${spec.file}: final stage runs as root (USER ${user})`);

  for (const stage of stages) {
    if (stage.base.startsWith('node:') && !/^node:24-(alpine|slim)/.test(stage.base)) {
      problems.push(`${spec.file}: Node base ${stage.base} is not node:24-alpine/-slim`);
    }
  }
  const finalInstr = finalChain.flatMap((s) => s.instructions);
  const env = new Map(
    finalChain
      .slice()
      .reverse()
      .flatMap((s) => s.instructions.filter((i) => i.keyword === 'ENV').flatMap((i) => parseEnv(i.args))),
  );
  for (const [key, value] of Object.entries(spec.env)) {
    if (env.get(key) !== value) problems.push(`${spec.file}: final stage should set ENV ${key}=${value} (has ${env.get(key)})`);
  }
  const exposed = finalInstr.filter((i) => i.keyword === 'EXPOSE').map((i) => Number.parseInt(i.args, 10));
  if (!exposed.includes(spec.port)) problems.push(`${spec.file}: does not EXPOSE ${spec.port}`);
  if (!finalInstr.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT')) {
    if (!stages[final]!.base.startsWith('nginx')) problems.push(`${spec.file}: final stage has no CMD`);
  }

  stages.forEach((stage, index) => {
    for (const instr of stage.instructions) {
      const exec = /^(?:--\S+\s+)*(?:CMD\s+)?(\[.*\])\s*$/s.exec(instr.args)?.[1];
      if (['CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'RUN'].includes(instr.keyword) && exec) {
        try {
          JSON.parse(exec);
        } catch {
          problems.push(`${spec.file}: ${instr.keyword} exec form is not a JSON array: ${exec}`);
        }
      }
      if (instr.keyword === 'COPY' || instr.keyword === 'ADD') {
        const { from, sources } = copySources(instr.args);
        if (from !== undefined) {
          const earlier = stages.slice(0, index).some((s) => s.name === from);
          if (!earlier && !from.includes(':') && !from.includes('/')) {
            problems.push(`${spec.file}: COPY --from=${from} names no earlier stage`);
          }
          continue;
        }
        for (const source of sources) {
          if (!exists(source)) problems.push(`${spec.file}: COPY source ${source} does not exist`);
          const pattern = ignoredBy(dockerignore, source);
          if (pattern) problems.push(`${spec.file}: COPY source ${source} is excluded by .dockerignore (${pattern})`);
        }
      }
      if (instr.keyword === 'RUN') {
        for (const [, name] of instr.args.matchAll(/--workspace[= ](\S+)/g)) {
          if (!workspaces.has(name!)) problems.push(`${spec.file}: --workspace ${name} is not a workspace`);
        }
        if (/\bnpm ci\b/.test(instr.args)) {
          const copied = new Set(
            lineage(stages, index)
              .flatMap((s) => s.instructions)
              .filter((i) => i.keyword === 'COPY' && !i.args.includes('--from='))
              .flatMap((i) => copySources(i.args).sources),
          );
          const needed = ['package.json', 'package-lock.json', ...[...workspaces.values()].map((w) => `${w}/package.json`)];
          for (const manifest of needed) {
            if (!copied.has(manifest)) {
              problems.push(`${spec.file}: \`npm ci\` runs without ${manifest} (copy every workspace manifest)`);
            }
          }
        }
      }
    }
  });
  const runs = stages.flatMap((s) => s.instructions).filter((i) => i.keyword === 'RUN').map((i) => i.args);
  for (const workspace of spec.builds) {
    const built = runs.some((r) => /npm run build/.test(r) && new RegExp(`--workspace[= ]${workspace}(\\s|$)`).test(r));
    if (!built) problems.push(`${spec.file}: does not run the build of ${workspace}`);
  }
  return problems;
}
