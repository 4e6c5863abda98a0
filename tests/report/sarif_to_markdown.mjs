// Renders a SARIF file with @security-alert/sarif-to-markdown (pinned in
// tests/node), as a pull-request comment bot would, and prints the Markdown.
// Run from tests/node: node ../report/sarif_to_markdown.mjs FILE.sarif
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(path.join(process.cwd(), 'noop.js'));
const { sarifToMarkdown } = require('@security-alert/sarif-to-markdown');

const log = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const render = sarifToMarkdown({
  title: 'hublint', owner: 'hublint', repo: 'hublint', branch: 'main',
  sourceRoot: '', details: false,
});
for (const run of render(log)) process.stdout.write(`${run.body}\n`);
