// The syndication fixtures: one wire story, two copies edited by hand as outlets edit wire copy
// (another headline, boilerplate, a few words changed, a paragraph dropped), and a different
// story on the same topic that shares its stock phrases.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArticleFile } from '../../src/domain/article-file.js';

const FIXTURES = 'test/syndication/fixtures';

export type FixtureName = 'original' | 'copy-harbour' | 'copy-evening' | 'unrelated';

/** The article file as written: header lines, then the body. */
export const fixtureText = (name: FixtureName): string => readFileSync(join(FIXTURES, `${name}.txt`), 'utf8');

export const fixtureBody = (name: FixtureName): string => parseArticleFile(fixtureText(name)).body;

export const paragraphsOf = (body: string): string[] => body.split(/\n\s*\n/);
