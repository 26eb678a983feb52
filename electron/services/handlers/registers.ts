import type { ApiHandlers } from '../../../shared/contract/api';
import type { ServiceContext } from '../context';
import { previewRegister, startRegisterImport } from '../registers/registerImport';
import { assertDocumentVisible } from '../safety/secretsAccess';
import { getDocument } from './documents';

type Handlers = Pick<ApiHandlers, 'registers.preview' | 'registers.import' | 'documents.readingInfo'>;

/** Registers (sổ đăng ký) to import with a column mapping, and how a document's text was read. */
export function registerHandlers(ctx: ServiceContext): Handlers {
  return {
    'registers.preview': (input) => previewRegister(input),
    'registers.import': (input) => startRegisterImport(ctx, input),
    'documents.readingInfo': ({ id }) => {
      // As visible as the document itself: a secret one the caller may not see says nothing either.
      assertDocumentVisible(ctx, id);
      getDocument(ctx, id);
      return ctx.catalogue.repos.registers.readingInfo(id)!;
    },
  };
}
