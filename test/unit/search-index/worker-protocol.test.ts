import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, parseSearchRequest, parseSearchResponse } from '../../../lib/search/worker-protocol';

describe('parseSearchRequest', () => {
  it('accepts a search with options and returns a fresh object of known fields', () => {
    const raw = { type: 'search', id: 7, query: 'htn', options: { limit: 25, systems: ['icd10cm'], validOnly: true, chapter: '9' } };
    const parsed = parseSearchRequest(raw);
    expect(parsed).toEqual(raw);
    expect(parsed).not.toBe(raw);
    if (parsed?.type !== 'search') throw new Error('expected a search');
    expect(parsed.options).not.toBe(raw.options);
    expect(parsed.options.systems).not.toBe(raw.options.systems);
  });

  it('accepts a search without options, and a reload', () => {
    expect(parseSearchRequest({ type: 'search', id: 0, query: '' })).toEqual({ type: 'search', id: 0, query: '', options: {} });
    expect(parseSearchRequest({ type: 'reload' })).toEqual({ type: 'reload' });
  });

  it('cuts an overlong query instead of searching it whole', () => {
    const parsed = parseSearchRequest({ type: 'search', id: 1, query: 'a'.repeat(10_000), options: {} });
    expect(parsed?.type === 'search' && parsed.query.length).toBe(MAX_QUERY_LENGTH);
  });

  it('removes repeated systems', () => {
    const parsed = parseSearchRequest({ type: 'search', id: 1, query: 'x', options: { systems: ['icd10cm', 'icd10cm'] } });
    expect(parsed?.type === 'search' && parsed.options.systems).toEqual(['icd10cm']);
  });

  it.each([
    ['null', null],
    ['a string', 'search htn'],
    ['an array', [{ type: 'search', id: 1, query: 'x' }]],
    ['an unknown type', { type: 'deleteIndex' }],
    ['a reload with extra fields', { type: 'reload', force: true }],
    ['a missing id', { type: 'search', query: 'x' }],
    ['a negative id', { type: 'search', id: -1, query: 'x' }],
    ['a fractional id', { type: 'search', id: 1.5, query: 'x' }],
    ['a string id', { type: 'search', id: '1', query: 'x' }],
    ['a non-string query', { type: 'search', id: 1, query: { toString: (): string => 'x' } }],
    ['options that are not an object', { type: 'search', id: 1, query: 'x', options: 'all' }],
    ['an unknown option', { type: 'search', id: 1, query: 'x', options: { fuzzy: true } }],
    ['a limit of 0', { type: 'search', id: 1, query: 'x', options: { limit: 0 } }],
    ['a huge limit', { type: 'search', id: 1, query: 'x', options: { limit: 1e9 } }],
    ['an unknown code system', { type: 'search', id: 1, query: 'x', options: { systems: ['snomed'] } }],
    ['systems that are not a list', { type: 'search', id: 1, query: 'x', options: { systems: 'icd10cm' } }],
    ['a non-boolean validOnly', { type: 'search', id: 1, query: 'x', options: { validOnly: 'yes' } }],
    ['a chapter that is not a number', { type: 'search', id: 1, query: 'x', options: { chapter: '4; drop' } }],
  ])('rejects %s', (_what, raw) => {
    expect(parseSearchRequest(raw)).toBeNull();
  });
});

describe('parseSearchResponse', () => {
  const result = { system: 'icd10cm', code: 'I10', title: 'Essential (primary) hypertension', valid: true, score: 3, why: [{ kind: 'title', text: 'x', rewrites: [{ from: 'htn', to: 'hypertension', how: 'abbreviation' }] }] };

  it('accepts each response the worker sends', () => {
    expect(parseSearchResponse({ type: 'results', id: 3, results: [result], tookMs: 1.5 })).toEqual({ type: 'results', id: 3, results: [result], tookMs: 1.5 });
    expect(parseSearchResponse({ type: 'ready', loadMs: 900, key: 'v1|a', source: 'cache' })).toEqual({ type: 'ready', loadMs: 900, key: 'v1|a', source: 'cache' });
    expect(parseSearchResponse({ type: 'noData' })).toEqual({ type: 'noData' });
    expect(parseSearchResponse({ type: 'error', message: 'broken' })).toEqual({ type: 'error', message: 'broken' });
  });

  it.each([
    ['results that are not a list', { type: 'results', id: 3, results: {}, tookMs: 1 }],
    ['a result of an unknown system', { type: 'results', id: 3, results: [{ ...result, system: 'x' }], tookMs: 1 }],
    ['a result without title', { type: 'results', id: 3, results: [{ ...result, title: undefined }], tookMs: 1 }],
    ['a reason with bad rewrites', { type: 'results', id: 3, results: [{ ...result, why: [{ kind: 'title', text: 'x', rewrites: 'htn' }] }], tookMs: 1 }],
    ['a ready without key', { type: 'ready', loadMs: 1, source: 'cache' }],
    ['an error without message', { type: 'error' }],
    ['an unknown type', { type: 'progress' }],
  ])('rejects %s', (_what, raw) => {
    expect(parseSearchResponse(raw)).toBeNull();
  });
});
