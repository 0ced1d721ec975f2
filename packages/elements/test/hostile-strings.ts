// A corpus of hostile strings for the panels' server-given text, drawn from the usual public lists:
// OWASP's XSS Filter Evasion Cheat Sheet and "CSV Injection" page, and the Big List of Naughty
// Strings (script injection, trick Unicode, Zalgo, two-byte and RTL text), plus strings shaped
// like Lit's own template markers. Every payload that would run calls `alert` or `eval`, sets
// `window.__pwned` or posts a message to the page, all of which the tests watch; payloads in a
// frame report to the page rather than open a dialog that would stall the browser.

export interface HostileString {
  /** What the string tries, for a failing test's message. */
  readonly name: string;
  readonly text: string;
}

const s = (name: string, text: string): HostileString => ({ name, text });

export const hostileStrings: readonly HostileString[] = [
  // Script tags and breaking out of elements and attributes (BLNS "Script Injection").
  s('script tag', '<script>alert(123)</script>'),
  s('script after a closed attribute', '"><script>window.__pwned="attr"</script>'),
  s('script split by a nested tag', '<sc<script>ript>alert(123)</sc</script>ript>'),
  s('comment breakout', '--><script>alert(123)</script>'),
  s('closing textarea and title', '</textarea></title><script>alert(123)</script>'),
  s('closing style', '</style><img src=x onerror="window.__pwned=\'style\'">'),
  // Event handlers (OWASP cheat sheet, BLNS).
  s('img onerror', '<img src=x onerror=alert(123) />'),
  s('img onerror in mixed case', '<IMG SRC=x OnErRoR="window.__pwned=\'img\'">'),
  s('svg onload', '<svg onload=alert(1)>'),
  s('svg with script', '<svg><script>alert(123)</script></svg>'),
  s('details ontoggle', '<details open ontoggle="window.__pwned=\'toggle\'">'),
  s('input autofocus onfocus', '<input autofocus onfocus=alert(1)>'),
  s('attribute injection', '" onfocus=JaVaSCript:alert(123) autofocus x="'),
  // javascript: and data: URLs.
  s('javascript URL', 'javascript:alert(1)'),
  s('javascript URL in mixed case', 'JaVaScRiPt:window.__pwned="url"'),
  s('javascript URL behind a control character', '\u0001javascript:alert(1)'),
  s('link with a javascript URL', '<a href="javascript:alert(1)">clic</a>'),
  s('link with a tab in the scheme', '<a href="jav&#x09;ascript:alert(1)">clic</a>'),
  s('iframe with a javascript URL', '<iframe src="javascript:parent.__pwned=\'frame\'"></iframe>'),
  s('data URL', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='),
  s('meta refresh to a data URL', '<meta http-equiv="refresh" content="0;url=data:text/html,x">'),
  s(
    'object with a data URL',
    "<object data=\"data:text/html,<script>parent.postMessage('pwned','*')</script>\">",
  ),
  // SVG and MathML (mutation XSS shapes).
  s('MathML style breakout', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'),
  s(
    'SVG foreignObject',
    '<svg><foreignObject><iframe srcdoc="<script>parent.__pwned=\'srcdoc\'</script>">',
  ),
  // Template syntax: Lit, JavaScript template literals and Angular.
  s('Lit comment marker', '<!--?lit$123456789$-->'),
  s('Lit attribute marker', 'lit$123456789$<?lit$123456789$>'),
  s('template literal', '${window.__pwned="template"}'),
  s('Angular expression', "{{constructor.constructor('alert(1)')()}}"),
  // HTML entities: shown as written, never decoded.
  s('entity-escaped script', '&lt;script&gt;alert(&#39;123&#39;);&lt;/script&gt;'),
  s('numeric entities', '&#60;img src=x onerror=alert(1)&#62;'),
  // CSS.
  s('CSS expression', 'x:expression(alert(1))'),
  s('style attribute with expression', '<div style="width: expression(alert(1));">DEF</div>'),
  // Trick Unicode: RTL override, zero-width characters, full-width forms, Zalgo, two-byte, RTL.
  s('right-to-left override', '\u202Efdp.exe\u202C Dr Weber'),
  s('zero-width characters', 'Dr\u200B \u200DWe\u200Cber\uFEFF\u2060'),
  s('full-width script', '＜script＞alert(123)＜/script＞'),
  s('Zalgo', 'Ṱ̺̺̕o͞ ̷i̲̬͇̪͙n̝̗͕v̟̜̘̦͟o̶̙̰̠kè͚̮̺̪̹̱̤'),
  s('two-byte and emoji', '田中さんにあげて下さい 👩🏽‍⚕️ 𠜎𠜱'),
  s('Arabic and Hebrew', 'مرحبا <b>بالعالم</b> שָׁלוֹם'),
  // Null bytes and a very long string.
  s('null bytes', '<scr\u0000ipt>alert(1)</scr\u0000ipt>\u0000'),
  s('very long', `${'A'.repeat(10_000)}<img src=x onerror=alert(1)>`),
  // CSV formula prefixes (OWASP "CSV Injection"), also behind whitespace and in full width.
  s('formula', '=HYPERLINK("http://127.0.0.1/?"&A1,"Cliquer")'),
  s('DDE formula', "+cmd|' /C calc'!A0"),
  s('formula behind a space', ' =1+1'),
  s('formula behind a tab', '\t@SUM(1+9)*cmd'),
  s('formula behind a line break', '\r\n-2+3+cmd'),
  s('full-width formula', '＝1+1'),
];

/** Ordinary text, held by one record beside the hostile ones, which must be shown alike. */
export const ordinaryText = 'Compte rendu ordinaire';
