import { afterEach, describe, expect, it } from 'vitest';
import { plural, setUiLanguage, t } from '../../src/core/i18n';
import { ago, day, webinarDay } from '../../src/pages/library/when';

/** Noon of 2 December 2026 in the clock's own time zone: `day` shows the local day. */
const NOW = new Date(2026, 11, 2, 12, 0, 0).getTime();
const DAY = 86_400_000;

afterEach(() => setUiLanguage('en'));

describe('the library’s times in the pages’ language', () => {
  it('says how long ago in English', () => {
    setUiLanguage('en');
    expect(ago(NOW - 2 * DAY, NOW)).toBe('2 days ago');
    expect(ago(NOW - DAY, NOW)).toBe('yesterday');
    expect(ago(NOW - 3 * 3_600_000, NOW)).toBe('3 hours ago');
    expect(ago(NOW - 10_000, NOW)).toBe('just now');
    expect(day(NOW)).toBe('Dec 2, 2026');
  });

  it('says how long ago in Turkish, and follows a switch of language', () => {
    setUiLanguage('tr');
    expect(ago(NOW - 3 * DAY, NOW)).toBe('3 gün önce');
    expect(ago(NOW - 2 * DAY, NOW)).toBe('evvelsi gün');
    expect(ago(NOW - DAY, NOW)).toBe('dün');
    expect(ago(NOW - 10_000, NOW)).toBe('az önce');
    expect(day(NOW)).toBe('2 Ara 2026');
    expect(t('library_edited', ago(NOW - 3 * DAY, NOW))).toBe('3 gün önce düzenlendi');
    setUiLanguage('en');
    expect(ago(NOW - 2 * DAY, NOW)).toBe('2 days ago');
  });
});

describe('a webinar’s date from its details', () => {
  it('is the calendar day in the pages’ language, wherever the clock’s time zone is', () => {
    expect(webinarDay('2026-10-02')).toBe('October 2, 2026');
    expect(webinarDay(' 2026-01-01 ')).toBe('January 1, 2026');
    setUiLanguage('tr');
    expect(webinarDay('2026-10-02')).toBe('2 Ekim 2026');
  });

  it('shows a text that is no calendar day as typed', () => {
    expect(webinarDay('2026-02-31')).toBe('2026-02-31');
    expect(webinarDay('next Tuesday')).toBe('next Tuesday');
    expect(webinarDay('2026-13-01')).toBe('2026-13-01');
  });
});

describe('the library’s counts', () => {
  it('keeps the English lines the pages showed, and says one of a thing in the singular', () => {
    expect(plural('library_filteredCount', 3, 1)).toBe('1 of 3 recordings match the filters');
    expect(plural('library_recordingCount', 1)).toBe('1 recording');
    expect(plural('library_trashCount', 1)).toBe('1 deleted item. It stays here until you empty the trash.');
    expect(plural('library_trashCount', 1200)).toBe('1,200 deleted items. They stay here until you empty the trash.');
    expect(plural('library_deleteImagesQuestion', 1)).toBe('Delete this image for good? The notes stay.');
    expect(plural('library_deleteImagesQuestion', 4)).toBe('Delete these 4 images for good? The notes stay.');
  });

  it('writes Turkish counts with Turkish digits grouping and the placeholders standing alone', () => {
    setUiLanguage('tr');
    expect(plural('library_filteredCount', 1200, 3)).toBe('1.200 kayıttan 3 tanesi filtrelere uyuyor');
    expect(plural('library_matchCount', 1)).toBe('1 eşleşme');
    expect(t('library_backupSaved', plural('library_recordingCount', 2), plural('notesCount', 5))).toMatch(/^Yedek indirilenlere kaydedildi: 2 kayıt, 5 not\.$/);
  });
});
