/** Removed fonds and organizations: kept with who removed them, when and why, and restorable. */
import type { Fonds, Organization } from '../types';

export interface StructureRemoval {
  at: string;
  by: string;
  reason: string;
}

export interface RemovedStructure {
  organizations: Array<Organization & { removal: StructureRemoval }>;
  fonds: Array<Fonds & { removal: StructureRemoval }>;
}
