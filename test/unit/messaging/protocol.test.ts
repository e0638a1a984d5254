import { describe, expect, it } from 'vitest';
import { parseBackgroundMessage } from '../../../lib/messaging/protocol';

describe('parseBackgroundMessage', () => {
  it('accepts importEmbeddedPacks with an empty payload', () => {
    expect(parseBackgroundMessage({ type: 'importEmbeddedPacks', payload: {} })).toEqual({ type: 'importEmbeddedPacks', payload: {} });
  });

  it('returns a fresh envelope, not the sender’s object', () => {
    const raw = { type: 'importEmbeddedPacks', payload: {}, sender: 'content-script' };
    const parsed = parseBackgroundMessage(raw);
    expect(parsed).toEqual({ type: 'importEmbeddedPacks', payload: {} });
    expect(parsed).not.toBe(raw);
    expect(parsed?.payload).not.toBe(raw.payload);
  });

  it.each([
    ['an unknown type', { type: 'deleteAllData', payload: {} }],
    ['a type differing only in case', { type: 'ImportEmbeddedPacks', payload: {} }],
    ['an inherited property name as type', { type: 'toString', payload: {} }],
    ['a non-string type', { type: 42, payload: {} }],
    ['no type', { payload: {} }],
    ['a missing payload', { type: 'importEmbeddedPacks' }],
    ['a null payload', { type: 'importEmbeddedPacks', payload: null }],
    ['an array payload', { type: 'importEmbeddedPacks', payload: [] }],
    ['a string payload', { type: 'importEmbeddedPacks', payload: '{}' }],
    ['a payload with extra fields', { type: 'importEmbeddedPacks', payload: { force: true } }],
  ])('rejects a message with %s', (_what, raw) => {
    expect(parseBackgroundMessage(raw)).toBeNull();
  });

  it('accepts setActiveRelease with a release id as the database writes it', () => {
    const raw = { type: 'setActiveRelease', payload: { releaseId: 'icd10cm@2017~0123456789ab' } };
    expect(parseBackgroundMessage(raw)).toEqual(raw);
  });

  it.each([
    ['no release id', {}],
    ['a numeric id', { releaseId: 2017 }],
    ['an id of another shape', { releaseId: 'icd10cm@2017' }],
    ['markup in the id', { releaseId: 'icd10cm@<img>~0123456789ab' }],
    ['an extra field', { releaseId: 'icd10cm@2017~0123456789ab', force: true }],
  ])('rejects setActiveRelease with %s', (_what, payload) => {
    expect(parseBackgroundMessage({ type: 'setActiveRelease', payload })).toBeNull();
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'importEmbeddedPacks'],
    ['a number', 1],
    ['an array', [{ type: 'importEmbeddedPacks', payload: {} }]],
  ])('rejects %s', (_what, raw) => {
    expect(parseBackgroundMessage(raw)).toBeNull();
  });
});
