import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, MAX_LEAD_IN_SECONDS, settingsFrom } from '../../src/core/settings';

describe('settingsFrom', () => {
  it('keeps valid stored values', () => {
    const stored = {
      leadInSeconds: 5.5,
      pauseWhileTyping: false,
      openPanelOnVideo: false,
      forumUrl: 'https://forum.example.org',
      autoBackup: 'daily',
      typeInSidePanel: true,
      captureQuotes: false,
      quoteWindowSeconds: 25,
      keepTranscripts: false,
      keepSlides: true,
      summaryLanguage: 'tr',
    };
    expect(settingsFrom(stored)).toEqual(stored);
  });

  it('keeps a summary language only when it is one we write in', () => {
    expect(settingsFrom({}).summaryLanguage).toBeNull();
    expect(settingsFrom({ summaryLanguage: 'en' }).summaryLanguage).toBe('en');
    for (const bad of ['de', 'TR', 'tr-TR', '', 1, null, {}]) expect(settingsFrom({ summaryLanguage: bad }).summaryLanguage).toBeNull();
  });

  it('takes a quote window of whole seconds within its bounds only', () => {
    for (const bad of [1, 61, 10.5, -3, Number.NaN, '10', null]) expect(settingsFrom({ quoteWindowSeconds: bad }).quoteWindowSeconds).toBe(10);
    expect(settingsFrom({ quoteWindowSeconds: 2 }).quoteWindowSeconds).toBe(2);
    expect(settingsFrom({ quoteWindowSeconds: 60 }).quoteWindowSeconds).toBe(60);
  });

  it('keeps only an http(s) forum address, tidied', () => {
    expect(settingsFrom({ forumUrl: 'forum.example.org/' }).forumUrl).toBe('https://forum.example.org');
    expect(settingsFrom({ forumUrl: 'javascript:alert(1)' }).forumUrl).toBe('');
    expect(settingsFrom({ forumUrl: 42 }).forumUrl).toBe('');
  });

  it('keeps a known backup frequency and gives the weekly default for anything else', () => {
    expect(DEFAULT_SETTINGS.autoBackup).toBe('weekly');
    for (const autoBackup of ['off', 'daily', 'weekly'] as const) expect(settingsFrom({ autoBackup }).autoBackup).toBe(autoBackup);
    for (const autoBackup of ['hourly', 'OFF', 7, null]) expect(settingsFrom({ autoBackup }).autoBackup).toBe('weekly');
  });

  it.each([undefined, null, 42, 'settings', true])('gives the defaults for %j', (stored) => {
    expect(settingsFrom(stored)).toEqual(DEFAULT_SETTINGS);
  });

  it('fills missing fields and keeps the present ones', () => {
    expect(settingsFrom({ pauseWhileTyping: false })).toEqual({ ...DEFAULT_SETTINGS, pauseWhileTyping: false });
  });

  it('drops unknown fields', () => {
    expect(settingsFrom({ leadInSeconds: 3, theme: 'dark' })).toEqual({ ...DEFAULT_SETTINGS, leadInSeconds: 3 });
  });

  it.each([0, MAX_LEAD_IN_SECONDS])('accepts the lead-in bound %s', (leadInSeconds) => {
    expect(settingsFrom({ leadInSeconds }).leadInSeconds).toBe(leadInSeconds);
  });

  it.each([-1, MAX_LEAD_IN_SECONDS + 0.5, NaN, Infinity, '5', null, true])('replaces the lead-in %j by the default', (leadInSeconds) => {
    expect(settingsFrom({ leadInSeconds }).leadInSeconds).toBe(DEFAULT_SETTINGS.leadInSeconds);
  });

  it.each(['false', 0, 1, null])('replaces the non-boolean flag %j by the defaults', (flag) => {
    const settings = settingsFrom({ pauseWhileTyping: flag, openPanelOnVideo: flag });
    expect(settings.pauseWhileTyping).toBe(DEFAULT_SETTINGS.pauseWhileTyping);
    expect(settings.openPanelOnVideo).toBe(DEFAULT_SETTINGS.openPanelOnVideo);
  });

  it('does not hand out the shared default object', () => {
    const settings = settingsFrom(undefined);
    settings.leadInSeconds = 9;
    expect(DEFAULT_SETTINGS.leadInSeconds).toBe(2);
  });
});

describe('typeInSidePanel', () => {
  it('is off unless the user turned it on with a real boolean', () => {
    expect(DEFAULT_SETTINGS.typeInSidePanel).toBe(false);
    for (const value of [undefined, 'true', 1, null]) expect(settingsFrom({ typeInSidePanel: value }).typeInSidePanel).toBe(false);
    expect(settingsFrom({ typeInSidePanel: true }).typeInSidePanel).toBe(true);
  });
});
