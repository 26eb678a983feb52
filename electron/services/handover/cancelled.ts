/** Thrown at a safe point when the user cancelled a handover job; the job ends `cancelled`, not `failed`. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}
