import { htmlToText, messageBody, sanitizeMessageHtml } from './message-body';

describe('sanitizeMessageHtml', () => {
  it('keeps formatting, lists, tables and links; drops scripts, styles, frames and event handlers', () => {
    const html =
      '<p onclick="steal()" style="color:red" class="x">Hello <b>Max</b></p><script>alert(1)</script><style>p{}</style>' +
      '<iframe src="https://evil.example"></iframe><ul><li>one</li></ul><table><tr><td colspan="2">cell</td></tr></table>' +
      '<a href="https://docs.example/vpn">docs</a>';
    expect(sanitizeMessageHtml(html)).toBe(
      '<p>Hello <b>Max</b></p><ul><li>one</li></ul><table><tr><td colspan="2">cell</td></tr></table>' +
        '<a href="https://docs.example/vpn" target="_blank" rel="noopener noreferrer nofollow">docs</a>',
    );
  });

  it('removes dangerous link schemes and replaces the sender\'s target and rel', () => {
    expect(sanitizeMessageHtml('<a href="javascript:alert(1)" target="_self" rel="opener">x</a>')).toBe(
      '<a target="_blank" rel="noopener noreferrer nofollow">x</a>',
    );
    expect(sanitizeMessageHtml('<a href="//evil.example/x">x</a>')).toBe('<a target="_blank" rel="noopener noreferrer nofollow">x</a>');
  });

  it('allows images only from the message itself (cid: and data:), never remote tracking pixels', () => {
    expect(sanitizeMessageHtml('<img src="cid:logo@mail" alt="Logo">')).toBe('<img src="cid:logo@mail" alt="Logo" />');
    expect(sanitizeMessageHtml('<img src="data:image/png;base64,iVBORw0KGgo=">')).toBe('<img src="data:image/png;base64,iVBORw0KGgo=" />');
    expect(sanitizeMessageHtml('<img src="https://track.example/p.gif">')).toBe('<img />');
    expect(sanitizeMessageHtml('<img src="data:text/html,<script>x</script>">')).toBe('<img />');
    expect(sanitizeMessageHtml('<img src="x" onerror="alert(1)">')).toBe('<img />');
  });

  it('drops relative link targets, which would point into the helpdesk client itself', () => {
    expect(sanitizeMessageHtml('<a href="/admin/delete">x</a>')).toBe('<a target="_blank" rel="noopener noreferrer nofollow">x</a>');
  });

  it('gives null for nothing or nothing visible left', () => {
    expect(sanitizeMessageHtml(null)).toBeNull();
    expect(sanitizeMessageHtml('   ')).toBeNull();
    expect(sanitizeMessageHtml('<script>alert(1)</script>')).toBeNull();
  });
});

describe('htmlToText', () => {
  it('separates paragraphs by a blank line and keeps <br> line breaks', () => {
    expect(htmlToText('<p>Hello Max,</p><p>please update.<br>Thanks<br><br>Anna</p>')).toBe('Hello Max,\n\nplease update.\nThanks\n\nAnna');
  });

  it('puts divs, list items and table rows on lines of their own and decodes entities', () => {
    expect(htmlToText('<div>Line 1</div><div>Line 2</div><ul><li>one</li><li>two &amp; three</li></ul><table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>')).toBe(
      'Line 1\nLine 2\n\n- one\n- two & three\n\na b\nc d',
    );
  });

  it('collapses whitespace outside <pre> and keeps it inside', () => {
    expect(htmlToText('<p>  lots \n  of   space </p><pre>  code\n    indented</pre>')).toBe('lots of space\n\n  code\n    indented');
  });

  it('writes link targets after the link text unless they are the same', () => {
    expect(htmlToText('<p><a href="https://x.example/a">update</a> or <a href="mailto:help@x.example">help@x.example</a></p>')).toBe(
      'update (https://x.example/a) or help@x.example',
    );
  });
});

describe('messageBody', () => {
  it('keeps text as given and sanitizes the HTML beside it', () => {
    expect(messageBody('Plain', '<p>Rich<script>x</script></p>')).toEqual({ text: 'Plain', html: '<p>Rich</p>' });
  });

  it('derives the text from the sanitized HTML when only HTML is given', () => {
    expect(messageBody('  ', '<p>Hello</p><script>alert("no")</script><p>World</p>')).toEqual({ text: 'Hello\n\nWorld', html: '<p>Hello</p><p>World</p>' });
  });

  it('keeps a text-only message without HTML', () => {
    expect(messageBody('Just text', null)).toEqual({ text: 'Just text', html: null });
  });
});
