/** Vite's asset imports used by the renderer (a bundled file's URL). */
declare module '*?url' {
  const url: string;
  export default url;
}

/** utif ships no types: the parts the viewer uses to decode TIFF scans. */
declare module 'utif' {
  export interface Ifd {
    width: number;
    height: number;
    [tag: string]: unknown;
  }
  export function decode(buffer: ArrayBuffer): Ifd[];
  export function decodeImage(buffer: ArrayBuffer, ifd: Ifd): void;
  export function toRGBA8(ifd: Ifd): Uint8Array;
}
