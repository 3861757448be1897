#!/usr/bin/env node
// Publishes a built remote to a running portal: `npm run publish -w @co2/mf-travel -- --portal https://portal.example`
// with the remote's publish token in CO2_PUBLISH_TOKEN (an administrator creates it on /backoffice/portal).
// Reads dist/co2-artifact.json, checks the files against its checksum, uploads them in one request and prints
// what the portal answered. Promoting the version is a separate, deliberate step (back office or admin API).
import { readArtifact } from './artifact.mjs';

/** Uploads the built folder `dir`; resolves with the portal's answer, rejects with its error message. */
export async function publishDir({ dir, portal, token, fetchImpl = fetch }) {
  const { manifest, files } = readArtifact(dir);
  const body = JSON.stringify({ artifact: manifest, files: files.map((f) => ({ path: f.path, base64: Buffer.from(f.bytes).toString('base64') })) });
  const target = new URL(`/portal/publish/${manifest.name}`, portal);
  const response = await fetchImpl(target, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
    body,
  }).catch((cause) => {
    throw new Error(`${manifest.name} ${manifest.version} was not published: the portal at ${target.origin} cannot be reached (${cause?.cause?.code ?? cause?.message ?? cause})`);
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(`${manifest.name} ${manifest.version} was not published: ${answer?.error?.message ?? `HTTP ${response.status}`}`);
    error.status = response.status;
    error.code = answer?.error?.code;
    throw error;
  }
  return answer;
}

function option(args, name) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(args) {
  const portal = option(args, 'portal') ?? process.env.CO2_PORTAL_URL;
  const token = option(args, 'token') ?? process.env.CO2_PUBLISH_TOKEN;
  const dir = option(args, 'dist') ?? 'dist';
  if (!portal || !token) {
    console.error('usage: npm run publish -w <remote> -- --portal <url> [--dist dist]   (token in CO2_PUBLISH_TOKEN, or --token)');
    process.exit(2);
  }
  const started = Date.now();
  try {
    const result = await publishDir({ dir, portal, token });
    const what = result.alreadyPublished ? 'was already published' : 'published';
    console.log(`${result.remote} ${result.version} ${what} (${result.files} files, ${Date.now() - started} ms): ${new URL(result.entry, portal)}`);
    console.log('Promote it on the back office page /backoffice/portal (or canary it to a share of users first).');
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv.slice(2));
