import type { ApiHandlers } from '../../../shared/contract/api';
import type { ServiceContext } from '../context';
import { originalContent, originalPreview } from '../viewer/originals';

type Handlers = Pick<ApiHandlers, 'originals.content' | 'originals.preview'>;

/** The original beside its record: its checked bytes, and a readable preview of text and Word files. */
export function originalHandlers(ctx: ServiceContext): Handlers {
  return {
    'originals.content': ({ attachmentId, purpose }) => originalContent(ctx, attachmentId, purpose),
    'originals.preview': ({ attachmentId }) => originalPreview(ctx, attachmentId),
  };
}
