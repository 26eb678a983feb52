/** Offers exported bytes to the browser as a download (the file is also kept in the exports folder). */
export { downloadBase64 } from '../../util/download';
