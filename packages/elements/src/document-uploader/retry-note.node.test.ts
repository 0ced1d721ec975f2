// What a row waiting to try again says, in every language: why, and when — seconds for a short
// wait, the clock time for a long one —, from the wait alone (never from the time of rendering).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DspHttpError, DspNetworkError } from '@dsp-kit/fhir';
import { uploaderMessages } from './document-uploader.messages.js';
import { nextAttemptAfter, retryNote, SAID_IN_SECONDS_MS } from './retry-note.js';
import { MAX_RETRY_AFTER_MS } from './upload-send.js';

const now = Date.UTC(2026, 2, 14, 13, 2, 30);
const busy = new DspHttpError(503, undefined, 'https://dsp.example/fhir', { retryAfterMs: 1000 });

/** The clock time as `HH:MM` in UTC, so that the test does not depend on the machine's zone. */
const utcTime = (at: Date) =>
  new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone: 'UTC' }).format(at);

describe('nextAttemptAfter', () => {
  it('says when the attempt starts, how long the wait is, and whether the server is busy', () => {
    assert.deepEqual(nextAttemptAfter(busy, 2000, now), {
      at: now + 2000,
      waitMs: 2000,
      busy: true,
    });
    assert.equal(nextAttemptAfter(new DspHttpError(429), 1, now).busy, true);
    assert.equal(nextAttemptAfter(new DspHttpError(502), 1, now).busy, false);
    assert.equal(nextAttemptAfter(new DspNetworkError('offline'), 1, now).busy, false);
  });
});

describe('retryNote', () => {
  const fr = uploaderMessages.fr;

  it('says a short wait in whole seconds, rounded up, never zero', () => {
    const say = (waitMs: number, error: unknown = busy) =>
      retryNote(nextAttemptAfter(error, waitMs, now), fr, utcTime);
    assert.equal(say(1000), 'Serveur occupé : nouvel essai dans 1 seconde.');
    assert.equal(say(1001), 'Serveur occupé : nouvel essai dans 2 secondes.');
    assert.equal(say(0), 'Serveur occupé : nouvel essai dans 1 seconde.');
    assert.equal(
      say(4000, new DspNetworkError('offline')),
      'Envoi interrompu : nouvel essai dans 4 secondes.',
    );
    assert.equal(say(SAID_IN_SECONDS_MS - 1), 'Serveur occupé : nouvel essai dans 60 secondes.');
  });

  it('says a wait of a minute or more by the time it ends', () => {
    const next = nextAttemptAfter(busy, 150_000, now); // 13:02:30 + 2 min 30 s
    assert.equal(retryNote(next, fr, utcTime), 'Serveur occupé : nouvel essai à 13:05.');
    const longest = nextAttemptAfter(busy, MAX_RETRY_AFTER_MS, now);
    assert.equal(retryNote(longest, fr, utcTime), 'Serveur occupé : nouvel essai à 13:07.');
  });

  it('speaks each language', async () => {
    const [en, de, lb] = await Promise.all(
      (['en', 'de', 'lb'] as const).map((language) => uploaderMessages.load(language)),
    );
    const short = nextAttemptAfter(busy, 2000, now);
    const long = nextAttemptAfter(new DspNetworkError('offline'), 120_000, now);
    assert.equal(retryNote(short, en!, utcTime), 'Server busy — trying again in 2 seconds.');
    assert.equal(retryNote(long, en!, utcTime), 'Sending interrupted — trying again at 13:04.');
    assert.equal(
      retryNote(short, de!, utcTime),
      'Server ausgelastet – neuer Versuch in 2 Sekunden.',
    );
    assert.equal(
      retryNote(long, de!, utcTime),
      'Senden unterbrochen – neuer Versuch um 13:04 Uhr.',
    );
    assert.equal(
      retryNote(long, lb!, utcTime),
      'Schécken ënnerbrach – neie Versuch um 13:04 Auer.',
    );
    assert.equal(en!.retryWait.inSeconds(1), 'in 1 second');
    assert.equal(de!.retryWait.inSeconds(1), 'in 1 Sekunde');
  });

  it('writes Luxembourgish "an" or "a" as the number of seconds is spoken', async () => {
    const lb = await uploaderMessages.load('lb');
    const said = (n: number) => lb.retryWait.inSeconds(n);
    assert.equal(said(1), 'an enger Sekonn');
    assert.equal(said(2), 'an 2 Sekonnen'); // zwee
    assert.equal(said(3), 'an 3 Sekonnen'); // dräi
    assert.equal(said(4), 'a 4 Sekonnen'); // véier
    assert.equal(said(5), 'a 5 Sekonnen'); // fënnef
    assert.equal(said(7), 'a 7 Sekonnen'); // siwen
    assert.equal(said(8), 'an 8 Sekonnen'); // aacht
    assert.equal(said(10), 'an 10 Sekonnen'); // zéng
    assert.equal(said(11), 'an 11 Sekonnen'); // eelef
    assert.equal(said(15), 'a 15 Sekonnen'); // fofzéng
    assert.equal(said(20), 'an 20 Sekonnen'); // zwanzeg
    assert.equal(said(40), 'a 40 Sekonnen'); // véierzeg
    assert.equal(said(45), 'a 45 Sekonnen'); // fënnefavéierzeg
    assert.equal(said(58), 'an 58 Sekonnen'); // aachtafofzeg
  });
});
