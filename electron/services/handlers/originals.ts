import type { ApiHandlers } from '../../../shared/contract/api';
import type { ServiceContext } from '../context';

/** The Word reader (mammoth) and the zip reader load when a preview is asked for, not at start. */
const viewer = () => import('../viewer/originals');

type Handlers = Pick<ApiHandlers, 'originals.content' | 'originals.preview'>;

/** The original beside its record: its checked bytes, and a readable preview of text and Word files. */
export function originalHandlers(ctx: ServiceContext): Handlers {
  return {
    'originals.content': async ({ attachmentId, purpose }) => (await viewer()).originalContent(ctx, attachmentId, purpose),
    'originals.preview': async ({ attachmentId }) => (await viewer()).originalPreview(ctx, attachmentId),
  };
}
