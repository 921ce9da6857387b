/** 附件 pages: 附件N in 黑体 at the top left, the title on the fourth line, then the attachment's text. */
import { SPACING, TYPE } from '../gbt9704.ts';
import type { Attachment } from '../model.ts';
import { LEFT, WIDTH } from './geometry.ts';
import type { PageBuilder } from './pagination.ts';
import { layoutBlocks } from './body.ts';
import { balancedTitle } from './title.ts';

export function layoutAttachments(b: PageBuilder, attachments: Attachment[]): void {
  attachments.forEach((a, i) => {
    b.newPage();
    const mark = attachments.length > 1 ? `附件${i + 1}` : '附件';
    b.flow(mark, TYPE.attachmentMark.role, TYPE.attachmentMark.size, 'attachment-mark');
    b.slot = SPACING.attachmentTitleLine - 1;
    for (const line of balancedTitle(b.m, a.title)) {
      b.ensure(1);
      const w = b.m.natural(line, TYPE.attachmentTitle.role, TYPE.attachmentTitle.size);
      b.text(line, LEFT + (WIDTH - w) / 2, b.slot, TYPE.attachmentTitle.role, TYPE.attachmentTitle.size, { width: w, element: 'attachment-title' });
      b.slot++;
    }
    b.blank(1);
    layoutBlocks(b, a.body);
  });
}
