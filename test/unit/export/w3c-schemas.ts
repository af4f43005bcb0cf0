/**
 * The W3C Web Annotation test suite's JSON Schemas (draft-04), compiled with Ajv, for checking
 * exports. See test/data/web-annotation/README.md: each `*.test` manifest lists assertion
 * schemas; the `*Musts.test` ones are the model's MUST requirements.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

// Copied into the repo with its licence: test/data/README.md.
export const SUITE = path.resolve(import.meta.dirname, '../../data/web-annotation');

export interface Assertion {
  file: string;
  assertionType: string;
  errorMessage: string;
  validate: ValidateFunction;
}

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
}

function newAjv(): Ajv {
  // strict: false because the suite's schemas carry their own keywords (assertionType, errorMessage…).
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const definitions = path.join(SUITE, 'definitions');
  for (const file of fs.readdirSync(definitions).filter((f) => f.endsWith('.json')).sort()) {
    ajv.addSchema(readJson(path.join(definitions, file)));
  }
  return ajv;
}

/** The assertions a manifest (path relative to the suite) lists, compiled. */
export function loadManifest(manifest: string): Assertion[] {
  const ajv = newAjv();
  const { assertions } = readJson(path.join(SUITE, manifest)) as { assertions: string[] };
  return assertions.map((file) => loadAssertion(file, ajv));
}

/** One assertion schema (path relative to the suite), compiled. */
export function loadAssertion(file: string, ajv: Ajv = newAjv()): Assertion {
  const schema = readJson(path.join(SUITE, file));
  return {
    file,
    assertionType: String(schema.assertionType),
    errorMessage: String(schema.errorMessage),
    validate: ajv.compile(schema),
  };
}

/** The assertions `data` fails, as "file: message" lines; empty when it passes them all. */
export function failures(assertions: readonly Assertion[], data: unknown): string[] {
  return assertions.filter((a) => !a.validate(data)).map((a) => `${a.file}: ${a.errorMessage}`);
}

export function sample(relative: string): unknown {
  return readJson(path.join(SUITE, relative));
}

export function sampleFiles(folder: string): string[] {
  return fs.readdirSync(path.join(SUITE, folder)).filter((f) => f.endsWith('.json')).sort().map((f) => `${folder}/${f}`);
}
