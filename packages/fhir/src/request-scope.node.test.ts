import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DspContentOriginError, DspValidationError } from './errors.js';
import { checkContentUrl, contentOriginSet, isUnderBase } from './request-scope.js';

const base = new URL('https://dsp.example/fhir/');

describe('isUnderBase', () => {
  it('accepts the base itself and every path below it', () => {
    for (const url of [
      'https://dsp.example/fhir/',
      'https://dsp.example/fhir',
      'https://dsp.example/fhir/DocumentReference?patient=p1&_offset=50',
      'https://DSP.example:443/fhir/Binary/b1',
      'https://dsp.example/fhir/a/./b/../Binary/b1',
      'Binary/b1',
    ]) {
      assert.equal(isUnderBase(url, base), true, url);
    }
  });

  it('refuses other origins and the same origin outside the base path', () => {
    for (const url of [
      'https://dsp.example/admin',
      'https://dsp.example/',
      'https://dsp.example/fhirx/Binary/b1',
      'https://dsp.example/fhir/../admin',
      'https://dsp.example/fhir/x/../../admin',
      '../admin/Binary/b1',
      'http://dsp.example/fhir/Binary/b1',
      'https://dsp.example:8443/fhir/Binary/b1',
      'https://dsp.example.evil/fhir/Binary/b1',
      'https://cdn.example/fhir/Binary/b1',
    ]) {
      assert.equal(isUnderBase(url, base), false, url);
    }
  });

  it('refuses paths that a decoding server would route above the base', () => {
    // WHATWG URLs keep these as they are; a server or proxy that decodes %2F, %5C or %2E, or
    // drops `;` parameters (Tomcat's `..;`), before routing would leave the base.
    for (const url of [
      'https://dsp.example/fhir/%2e%2e/admin',
      'https://dsp.example/fhir/..%2fadmin',
      'https://dsp.example/fhir/..%2Fadmin',
      'https://dsp.example/fhir/%2E%2E%5Cadmin',
      'https://dsp.example/fhir/..;/admin',
      'https://dsp.example/fhir/..\\admin',
      'https://dsp.example/fhir/%zz',
    ]) {
      assert.equal(isUnderBase(url, base), false, url);
    }
  });

  it('works with a base at the root of its origin', () => {
    const root = new URL('https://dsp.example/');
    assert.equal(isUnderBase('https://dsp.example/Patient/p1', root), true);
    assert.equal(isUnderBase('https://dsp.example/..%2f..%2fetc', root), false);
  });
});

describe('contentOriginSet', () => {
  it('keeps the origins the host allows, normalised', () => {
    assert.deepEqual(
      [...contentOriginSet(['https://Files.example.lu', new URL('https://cdn.example:8443/')])],
      ['https://files.example.lu', 'https://cdn.example:8443'],
    );
    assert.equal(contentOriginSet(undefined).size, 0);
  });

  it('refuses what is not an http(s) origin alone', () => {
    for (const value of [
      'files.example.lu',
      'https://files.example.lu/documents',
      'https://files.example.lu/?x=1',
      'https://user@files.example.lu',
      'ftp://files.example.lu',
      'data:text/plain,x',
    ]) {
      assert.throws(
        () => contentOriginSet([value]),
        (error: unknown) =>
          error instanceof DspValidationError &&
          error.field === 'contentOrigins' &&
          error.message.includes(value),
        value,
      );
    }
  });
});

describe('checkContentUrl', () => {
  const allowed = contentOriginSet(['https://files.example.lu']);

  it('lets content through on the server’s origin and on an allowed one', () => {
    checkContentUrl(new URL('https://dsp.example/fhir/Binary/b1'), base, allowed);
    checkContentUrl(new URL('https://dsp.example/files/b1'), base, allowed);
    checkContentUrl(new URL('https://files.example.lu/b1'), base, allowed);
  });

  it('refuses any other origin with a DspContentOriginError naming its host', () => {
    assert.throws(
      () => checkContentUrl(new URL('https://tracker.example:8443/pixel?d=1'), base, allowed),
      (error: unknown) => {
        assert.ok(error instanceof DspContentOriginError);
        assert.ok(error instanceof DspValidationError, 'a validation error: nothing was sent');
        assert.equal(error.kind, 'validation');
        assert.equal(error.field, 'attachment.url');
        assert.equal(error.origin, 'https://tracker.example:8443');
        assert.equal(error.host, 'tracker.example:8443');
        assert.match(error.message, /tracker\.example:8443/);
        return true;
      },
    );
  });

  it('refuses URLs that are not http(s)', () => {
    for (const url of ['data:text/plain,abc', 'ftp://files.example.lu/b1', 'javascript:alert(1)']) {
      assert.throws(
        () => checkContentUrl(new URL(url), base, allowed),
        (error: unknown) =>
          error instanceof DspValidationError &&
          !(error instanceof DspContentOriginError) &&
          error.field === 'attachment.url',
        url,
      );
    }
  });
});
