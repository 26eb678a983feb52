import type { ApiHandlers } from '../../../shared/contract/api';
import type { ServiceContext } from '../context';

/** Spreadsheet readers (exceljs, papaparse) are loaded when a register is read, not at start. */
const registers = () => import('../registers/registerImport');
import { assertDocumentVisible } from '../safety/secretsAccess';
import { getDocument } from './documents';

type Handlers = Pick<ApiHandlers, 'registers.preview' | 'registers.import' | 'documents.readingInfo'>;

/** Registers (sổ đăng ký) to import with a column mapping, and how a document's text was read. */
export function registerHandlers(ctx: ServiceContext): Handlers {
  return {
    'registers.preview': async (input) => (await registers()).previewRegister(input),
    'registers.import': async (input) => (await registers()).startRegisterImport(ctx, input),
    'documents.readingInfo': ({ id }) => {
      // As visible as the document itself: a secret one the caller may not see says nothing either.
      assertDocumentVisible(ctx, id);
      getDocument(ctx, id);
      return ctx.catalogue.repos.registers.readingInfo(id)!;
    },
  };
}
