import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, importSummary, makeBackup, parseBackup } from '../../src/core/backup';
import { downloadFailureText } from '../../src/core/auto-backup';
import { FEEDBACK, emptiedText, failedText } from '../../src/core/feedback-text';
import { frameFailureText } from '../../src/core/frame-failure';
import { setUiLanguage, translator, ui18n } from '../../src/core/i18n';
import type { Recording } from '../../src/core/model';
import { answererName, unnamedSpeaker } from '../../src/core/people';
import { parseQuery } from '../../src/core/search';
import { SITE_NAMES } from '../../src/core/sites';
import { parseFile, parseIndex } from '../../src/core/sync/layout';
import { outcomeSummary, statusText } from '../../src/core/sync/status';
import { readMediaTime } from '../../src/core/time';
import { DavClient, DavError } from '../../src/platform/webdav';

// The core's messages in Turkish: each is read when it is made, so a page that switched language
// gets the new words without reloading; and what code decides never hangs on English words.

const ACCOUNT = { url: 'https://dav.example.com/files/ada/', user: 'ada', password: 'secret' };
/** A WebDAV server that answers every request with `status` (or cannot be reached, with null). */
const server = (status: number | null): typeof fetch => async () => {
  if (status === null) throw new TypeError('Failed to fetch');
  return new Response(null, { status });
};
const KEY = 'https://example.com/webinar?id=1';
const recording: Recording = { key: KEY, site: 'html5', url: KEY, title: 'Webinar', createdAt: 100, updatedAt: 300 };

describe('core messages in Turkish', () => {
  beforeEach(() => setUiLanguage('tr'));
  afterEach(() => setUiLanguage('en'));

  it('says why a typed time cannot be read', () => {
    expect(readMediaTime('soon')).toEqual({ ok: false, message: 'Zamanı s:dd:ss, d:ss ya da saniye olarak yazın, örneğin 1:02:03 ya da 75.' });
    expect(readMediaTime('101:00:00')).toEqual({ ok: false, message: 'Bir zaman en fazla 100:00:00 (100 saat) olabilir.' });
  });

  it('says a WebDAV failure: server full, offline, wrong credentials', async () => {
    await expect(new DavClient(ACCOUNT, server(507)).get('a.json')).rejects.toThrow('Sunucu dolu (HTTP 507 Insufficient Storage).');
    await expect(new DavClient(ACCOUNT, server(null)).get('a.json')).rejects.toThrow('Sunucuya ulaşılamadı (çevrimdışısınız ya da adres yanlış).');
    const refused = await new DavClient(ACCOUNT, server(401)).put('a.json', '{}', 'absent').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DavError);
    expect((refused as DavError).message).toBe('Sunucu kullanıcı adını ve parolayı kabul etmedi.');
    expect(() => new DavClient({ ...ACCOUNT, url: 'ftp://dav.example.com/' })).toThrow('Sunucu adresi https:// (ya da http://) ile başlamalı.');
  });

  it('reads the feedback texts in the language shown at the time, not the one at load', () => {
    expect(FEEDBACK.saved.done).toBe('Kaydedildi.');
    expect(failedText('noteTrashed', new Error('disk dolu'))).toBe('Silinmedi: disk dolu');
    expect(emptiedText(1234)).toBe('1.234 öğe kalıcı olarak silindi.');
    setUiLanguage('en');
    expect(FEEDBACK.saved.done).toBe('Saved.');
    expect(emptiedText(1234)).toBe('1,234 items deleted for good.');
  });

  it('fills a frame failure, a search refusal and a download failure', () => {
    expect(frameFailureText({ reason: 'failed', detail: 'tuval kirli' })).toBe('Kare alınamadı: tuval kirli.');
    expect(parseQuery('!!!')).toEqual({ ok: false, message: 'Aramak için bir harf ya da rakam yazın: yalnızca noktalama işaretleri ve simgeler hiçbir şeyle eşleşmez.' });
    expect(downloadFailureText('FILE_NO_SPACE')).toBe('Yedek dosyası yazılamadı: disk dolu.');
    // A reason that is also an Object property is the browser's code, not a known reason.
    expect(downloadFailureText('toString')).toBe('Yedek dosyası yazılamadı: tarayıcı indirmeyi durdurdu (toString).');
  });

  it('upper-cases a Turkish message by Turkish rules (ı → I, i → İ)', () => {
    expect(ui18n().upper(unnamedSpeaker())).toBe('ADSIZ KONUŞMACI');
    expect(ui18n().upper(translator('tr').t('autoBackup_whyAccessDenied'))).toBe('TARAYICININ İNDİRİLENLER KLASÖRÜNE YAZMA İZNİ YOK');
  });

  it('names things: a site, and people in an export’s own language whatever the pages show', () => {
    expect(SITE_NAMES.html5).toBe('Web sayfası');
    expect(SITE_NAMES.youtube).toBe('YouTube');
    setUiLanguage('en');
    expect(SITE_NAMES.html5).toBe('Web page');
    expect(answererName([], { text: 'Yes.' })).toBe('Answer');
    expect(answererName([], { text: 'Yes.' }, translator('tr'))).toBe('Cevap');
    expect(answererName([], { text: 'Yes.', speakerId: 'gone' }, translator('tr'))).toBe('Eski bir konuşmacı');
  });

  it('refuses a backup, with a schema rule read at check time and a record named in Turkish', () => {
    expect(parseBackup('{')).toEqual({ ok: false, message: 'Bu dosya yarım kalmış ya da JSON değil; bu yüzden bir Webinar Notes yedeği olamaz. Hiçbir şey değiştirilmedi.' });
    const backup = makeBackup({ recordings: [recording], notes: [{ id: 'n1', recordingKey: KEY, t: 1, text: 'x', createdAt: 1, updatedAt: 1 }], qa: [] }, new Date(1000));
    const broken = JSON.parse(JSON.stringify(backup)) as { notes: { text: unknown }[] };
    (broken.notes[0] as { text: unknown }).text = 7;
    expect(parseBackup(JSON.stringify(broken))).toEqual({ ok: false, message: 'Bu yedekte bir sorun var; bu yüzden hiçbir şey içe aktarılmadı:\n• not 1 (id n1): text metin olmalı' });
    expect(importSummary({ added: 1234, merged: 0, kept: 2, repaired: [] })).toBe('1.234 eklendi, 0 birleştirildi, 2 zaten güncel.');
  });

  it('knows a sync file from a newer version by a flag, not by its English words', () => {
    expect(parseIndex(JSON.stringify({ format: 'webinar-notes-sync-index', version: 99 }))).toMatchObject({ ok: false, newer: true });
    const newer = parseFile(JSON.stringify({ format: BACKUP_FORMAT, version: 99 }), 'a.json');
    expect(newer).toMatchObject({ ok: false, newer: true });
    expect(newer.ok ? '' : newer.message).toMatch(/^Sunucudaki webinar-notes\/v1\/recordings\/a\.json dosyası hasarlı \(Bu yedek Webinar Notes’un daha yeni/);
    expect(parseFile('{', 'b.json')).not.toHaveProperty('newer');
  });

  it('sums up a sync and its status, its dates in Turkish', () => {
    const summary = outcomeSummary({ sent: 3, changedHere: { recordings: 1, notes: 2, qa: 0, transcripts: 0, deleted: 0 }, repaired: [] });
    expect(summary).toBe('2 not, 1 kayıt burada güncellendi, 3 dosya gönderildi.');
    const at = Date.UTC(2026, 11, 2, 12, 0);
    expect(statusText({ last: { at, summary } }, true)).toBe(`Son eşitleme: ${translator('tr').date(at, { dateStyle: 'medium', timeStyle: 'short' })}. ${summary}`);
    expect(statusText({ last: { at, summary } }, true)).toContain('Ara 2026');
  });
});
