#!/usr/bin/env node
// Validates the SARIF vmbcheck writes with Microsoft's SARIF Multitool,
// including GitHub code scanning's rules (--rule-kind "Gh;Sarif"): zero
// errors and zero warnings. Covers the bundled example, a run with a file
// that does not parse, and every testdata case.
//
//   node validate-sarif.js <vmbcheck> <repo> <npm-prefix> <out-dir>
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const [tool, repo, npmPrefix, outDir] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: validate-sarif.js <vmbcheck> <repo> <npm-prefix> <out-dir>');
  process.exit(2);
}
fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });

function cases() {
  const root = path.join(repo, 'testdata');
  const out = [];
  for (const group of fs.readdirSync(root).sort()) {
    const dir = path.join(root, group);
    if (group === 'include' || !fs.statSync(dir).isDirectory()) continue;
    for (const entry of fs.readdirSync(dir).sort()) {
      const p = path.join(dir, entry);
      if (fs.statSync(p).isDirectory()) {
        const files = fs.readdirSync(p).filter(f => f.endsWith('.c')).sort().map(f => path.join(p, f));
        if (files.length) out.push([`${group}-${entry}`, files]);
      } else if (entry.endsWith('.c')) {
        out.push([`${group}-${path.basename(entry, '.c')}`, [p]]);
      }
    }
  }
  return out;
}

const runs = [
  ['example', []],
  ['parse-error-and-example', ['testdata/errors/missing_header.c', 'testdata/example/vsp_example.c']],
  ...cases().map(([name, files]) => [name, files.map(f => path.relative(repo, f))]),
];

const logs = [];
for (const [name, files] of runs) {
  const out = path.join(outDir, `${name}.sarif`);
  const r = spawnSync(tool, [...files, '--format=sarif', '-o', out], { cwd: repo, encoding: 'utf8' });
  if (r.status === null || r.status > 2 || !fs.existsSync(out)) {
    console.error(`vmbcheck failed on ${name} (status ${r.status}):\n${r.stderr}`);
    process.exit(1);
  }
  logs.push(out);
}

// Shards joined by `vmbcheck merge`, suppressed results kept, a baseline
// comparison: every kind of log vmbcheck writes.
function run(args, name) {
  const out = path.join(outDir, name);
  const r = spawnSync(tool, [...args, '--format=sarif', '-o', out], { cwd: repo, encoding: 'utf8' });
  if (r.status === null || r.status > 2 || !fs.existsSync(out)) {
    console.error(`vmbcheck ${args.join(' ')} failed (status ${r.status}):\n${r.stderr}`);
    process.exit(1);
  }
  return out;
}
const some = ['testdata/example/vsp_example.c', 'testdata/suppressions/nolint_forms.c',
              'testdata/errors/missing_header.c'];
const shards = [1, 2].map(k => run(['--shard=' + k + '/2', ...some], `shard${k}.sarif`));
const merged = path.join(outDir, 'merged.sarif');
const m = spawnSync(tool, ['merge', ...shards, '-o', merged], { encoding: 'utf8' });
if (m.status !== 0) {
  console.error(`vmbcheck merge failed:\n${m.stderr}`);
  process.exit(1);
}
logs.push(merged);
logs.push(run(['--include-suppressed', ...some], 'suppressed.sarif'));
const base = path.join(outDir, 'base.sarif');
spawnSync(tool, ['--write-baseline=' + base, 'testdata/example/vsp_example.c'], { cwd: repo });
logs.push(base);
logs.push(run(['--baseline=' + base, 'testdata/example/vsp_example.c', 'testdata/VMB002/goto_exit_skips_write.c'],
              'against-baseline.sarif'));

// A work tree with a remote, a branch in packed-refs and a file in a
// subdirectory: versionControlProvenance with every property.
const gitTree = path.join(outDir, 'git-tree');
fs.mkdirSync(path.join(gitTree, '.git'), { recursive: true });
fs.mkdirSync(path.join(gitTree, 'src'));
fs.writeFileSync(path.join(gitTree, '.git', 'HEAD'), 'ref: refs/heads/main\n');
fs.writeFileSync(path.join(gitTree, '.git', 'config'),
                 '[remote "origin"]\n\turl = https://token@example.com/org/drv.git\n');
fs.writeFileSync(path.join(gitTree, '.git', 'packed-refs'),
                 '0123456789abcdef0123456789abcdef01234567 refs/heads/main\n');
fs.copyFileSync(path.join(repo, 'testdata', 'example', 'vsp_example.c'), path.join(gitTree, 'src', 'vsp.c'));
fs.writeFileSync(path.join(gitTree, 'compile_flags.txt'), '-I' + path.join(repo, 'testdata', 'include') + '\n');
logs.push(run([path.join(gitTree, 'src', 'vsp.c')], 'git-provenance.sarif'));

const multitool = path.join(npmPrefix, 'node_modules', '@microsoft', 'sarif-multitool-linux', 'Sarif.Multitool');
fs.chmodSync(multitool, 0o755);
const report = path.join(outDir, 'validation.sarif');
const v = spawnSync(multitool, ['validate', '--rule-kind', 'Gh;Sarif', '--output', report, ...logs],
                    { encoding: 'utf8', env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' } });
if (!fs.existsSync(report)) {
  console.error(`Sarif.Multitool did not run (status ${v.status}):\n${v.stdout}\n${v.stderr}`);
  process.exit(1);
}
const problems = [];
for (const run of JSON.parse(fs.readFileSync(report, 'utf8')).runs) {
  for (const res of run.results || []) {
    const level = res.level || 'warning';
    if (level === 'error' || level === 'warning') {
      const loc = res.locations && res.locations[0] && res.locations[0].physicalLocation;
      problems.push(`${level} ${res.ruleId}: ${loc ? loc.artifactLocation.uri : '?'}: ${res.message.text || JSON.stringify(res.message)}`);
    }
  }
  for (const inv of run.invocations || [])
    for (const n of inv.toolExecutionNotifications || [])
      if (n.level === 'error') problems.push(`tool error: ${n.message.text}`);
}
console.log(`validated ${logs.length} SARIF files: ${problems.length} errors or warnings`);
for (const p of problems) console.log(p);
process.exit(problems.length ? 1 : 0);
