/** The handover's jobs stop on the shared job model's cancel. */
export { Cancelled } from '../jobs';
