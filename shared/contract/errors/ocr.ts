/**
 * Errors of reading scanned images for OCR (JPEG, PNG, TIFF): refused before any pixel is decoded
 * when a page is over the pixel budget (an "image bomb"), and OCR stopped on request.
 */
import { defineErrors, error } from './define';

type Image = { fileName: string };
/** What the image library said, for the logs and the English interface. */
type Detail = { detail: string };
const vi = (p: Image, why: string) => `Không đọc được ảnh “${p.fileName}”: ${why}.`;
const en = (p: Image, why: string) => `Cannot read the image “${p.fileName}”: ${why}.`;

export const ocrErrors = defineErrors({
  codes: {
    'ocr.cancelled': error('cancelled'),
    'ocr.notAnImage': error<Image>('unreadable_file'),
    'ocr.imageDamaged': error<Image & Detail>('unreadable_file'),
    'ocr.tooManyPages': error<Image & { pages: number; max: number }>('unreadable_file'),
    /** Pages count from 1. */
    'ocr.pageDamaged': error<Image & { page: number }>('unreadable_file'),
    'ocr.pageTooLarge': error<Image & { page: number; width: number; height: number; maxMegapixels: number }>('unreadable_file'),
    'ocr.pageUndecodable': error<Image & Detail & { page: number }>('unreadable_file'),
  },
  vi: {
    'ocr.cancelled': () => 'Đã dừng nhận dạng chữ theo yêu cầu.',
    'ocr.notAnImage': (p) => vi(p, 'không phải ảnh JPEG, PNG hay TIFF'),
    'ocr.imageDamaged': (p) => vi(p, 'tệp ảnh bị hỏng'),
    'ocr.tooManyPages': (p) => vi(p, `ảnh có ${p.pages} trang, quá giới hạn ${p.max} trang`),
    'ocr.pageDamaged': (p) => vi(p, `trang ${p.page} bị hỏng`),
    'ocr.pageTooLarge': (p) =>
      vi(p, `trang ${p.page} rộng ${p.width}×${p.height} điểm ảnh khi giải nén, vượt giới hạn ${p.maxMegapixels} triệu điểm ảnh một trang (có thể là “bom ảnh”)`),
    'ocr.pageUndecodable': (p) => vi(p, `không giải mã được trang ${p.page}`),
  },
  en: {
    'ocr.cancelled': () => 'Text recognition stopped on request.',
    'ocr.notAnImage': (p) => en(p, 'not a JPEG, PNG or TIFF image'),
    'ocr.imageDamaged': (p) => en(p, `the image file is damaged (${p.detail})`),
    'ocr.tooManyPages': (p) => en(p, `the image has ${p.pages} pages, over the limit of ${p.max}`),
    'ocr.pageDamaged': (p) => en(p, `page ${p.page} is damaged`),
    'ocr.pageTooLarge': (p) =>
      en(p, `page ${p.page} is ${p.width}×${p.height} pixels unpacked, over the limit of ${p.maxMegapixels} million pixels a page (perhaps an “image bomb”)`),
    'ocr.pageUndecodable': (p) => en(p, `page ${p.page} cannot be decoded (${p.detail})`),
  },
});
