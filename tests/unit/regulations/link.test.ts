import { describe, expect, it } from 'vitest';
import { buildCitationIndex, linkCitationsInHtml } from '../../../src/lib/regulations/index.ts';

const index = buildCitationIndex([
  {
    id: 'xingfa',
    data: { title: '中华人民共和国刑法', shortTitle: '刑法' },
    body: '第三百八十五条 国家工作人员利用职务上的便利，索取他人财物的，或者非法收受他人财物，为他人谋取利益的，是受贿罪。\n',
  },
]);

describe('linkCitationsInHtml', () => {
  it('links citations in text with a preview of the article, leaving markup and links alone', () => {
    const html = '<p>涉嫌违反<strong>刑法第385条</strong>。</p><p><a href="/x/">刑法第385条</a></p><pre>刑法第385条</pre><p>《刑法》第九十九条</p>';
    const out = linkCitationsInHtml(html, index, { href: (p) => `/en${p}`, idPrefix: 'case-a' });
    expect(out).toContain(
      '<strong><span class="cite"><a class="cite-link" href="/en/regulations/xingfa/#art-385" aria-describedby="case-a-1">刑法第385条</a>' +
        '<span class="cite-preview" role="tooltip" id="case-a-1"><strong>《中华人民共和国刑法》第三百八十五条</strong>国家工作人员利用职务上的便利，',
    );
    expect(out.match(/class="cite"/g)).toHaveLength(1);
    expect(out).toContain('<a href="/x/">刑法第385条</a>');
    expect(out).toContain('<pre>刑法第385条</pre>');
    // unresolvable citations stay text (lianjian check reports them)
    expect(out).toContain('<p>《刑法》第九十九条</p>');
  });
  it('escapes the preview text', () => {
    const idx = buildCitationIndex([{ id: 'r', data: { title: '某规定' }, body: '第一条 <script>alert(1)</script>\n' }]);
    const out = linkCitationsInHtml('<p>《某规定》第一条</p>', idx);
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;');
  });
});
