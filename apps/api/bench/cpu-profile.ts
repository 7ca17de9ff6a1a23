/**
 * Reads a V8 .cpuprofile (`node --cpu-prof`) and lists where the time went:
 * the functions with the most self time, and self time per package, so a
 * bench can name its hot spots without opening DevTools.
 */
import { readFileSync } from 'node:fs';

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
};
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/** "mikro-orm/knex" for node_modules/@mikro-orm/knex/..., "candor api" for apps/api/dist, "node" for node: internals. */
function packageOf(url: string): string {
  const inModules = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inModules?.[1]) return inModules[1];
  const ours = /(apps|packages)\/([^/]+)\//.exec(url);
  if (ours) return `candor ${ours[2]}`;
  if (url.startsWith('node:')) return 'node';
  return url ? 'other' : '(native, GC, idle)';
}

export function summariseCpuProfile(file: string, top = 15): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });

  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of selfUs) {
    const { functionName, url, lineNumber } = byNode.get(id)?.callFrame ?? {
      functionName: '?',
      url: '',
      lineNumber: 0,
    };
    if (functionName === '(idle)' || functionName === '(program)') continue;
    busy += us;
    const where = url
      ? `${url.replace(/^.*node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, '').replace(/^file:\/\/.*?\/(apps|packages)\//, '$1/')}:${lineNumber + 1}`
      : '';
    const key = `${functionName || '(anonymous)'} ${where}`.trim();
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    byPackage.set(packageOf(url), (byPackage.get(packageOf(url)) ?? 0) + us);
  }
  const share = (us: number) => `${((100 * us) / busy).toFixed(1)}%`;
  const lines = [`busy ${(busy / 1e6).toFixed(1)} s (idle excluded); self time by package:`];
  for (const [name, us] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 10)) {
    lines.push(`  ${share(us).padStart(6)}  ${name}`);
  }
  lines.push(`top ${top} functions by self time:`);
  for (const [name, us] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    lines.push(`  ${share(us).padStart(6)}  ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`);
  }
  return lines.join('\n');
}
