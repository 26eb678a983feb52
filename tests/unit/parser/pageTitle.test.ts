import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../shared/parser/parseDocument';
import { pageTitleNumbers } from '../../../shared/parser/pageTitle';
import { lines } from './helpers';

/** A legal database's page: its title and metadata block, then a scanned letter whose header OCR garbled. */
const DATABASE_PAGE_OVER_DAMAGED_SCAN = lines(
  'Công văn 45/TCLT',
  '',
  'Công văn số 45/TCLT về việc hướng dẫn chỉnh lý tài liệu tồn đọng tại các cơ quan cấp tỉnh do Tổng cục Lưu trữ ban hành',
  '',
  'Số hiệu: 45/TCLT Loại văn bản: Công văn',
  'Nơi ban hành: Tổng cục Lưu trữ Người ký: Trần Văn Bình',
  'Ngày ban hành: 12/03/2009 Tình trạng: Đã biết',
  '',
  'B0 NOI VU',
  'T0NG CUC LUU TRU',
  's0 45 lTCLT',
  'V/v hướng dẫn chỉnh lý tài liệu tồn đọng',
  'CONG HOA XA HOI CHU NGHIA VIET NAM',
  'Ha Noi ngav 12 thang 03 nam 2009',
  '',
  'Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương',
  '',
  'Thực hiện Nghị định số 111/2004/NĐ-CP ngày 08 tháng 4 năm 2004 của Chính phủ quy định chi tiết thi hành một số điều của Pháp lệnh Lưu trữ quốc gia, Tổng cục Lưu trữ hướng dẫn như sau.',
);

describe("numbers a saved page's own title names", () => {
  it('are the document presented: with its header unreadable, that number is no citation, and the number stays empty for review', () => {
    const r = parseDocument(DATABASE_PAGE_OVER_DAMAGED_SCAN);
    expect(r.metadata.citations).toEqual(['111/2004/NĐ-CP']);
    expect(r.metadata.numberSymbol).toBeNull();
    expect(r.review).toContain('numberSymbol');
  });

  it('come only from lines opening with a type name and the number: a news title naming another document keeps it cited', () => {
    const news = DATABASE_PAGE_OVER_DAMAGED_SCAN.replace(
      /^Công văn 45\/TCLT\n\nCông văn số 45\/TCLT về việc/u,
      'Kế hoạch thực hiện Chỉ thị 05-CT/TW của tỉnh\n\nBài viết về việc',
    );
    expect(pageTitleNumbers(news).size).toBe(0);
    expect(parseDocument(news).metadata.citations).toEqual(['05-CT/TW', '111/2004/NĐ-CP']);
  });

  it('are read from the first lines only: the same shape deep in the body is a citation', () => {
    expect([...pageTitleNumbers(DATABASE_PAGE_OVER_DAMAGED_SCAN)]).toHaveLength(1);
    const body = lines('Kính gửi: các đơn vị', 'Thực hiện chỉ đạo,', 'các đơn vị báo cáo.', 'Công văn số 45/TCLT về việc hướng dẫn');
    expect(pageTitleNumbers(body).size).toBe(0);
  });

  it('leave a readable header alone: its own number is read and the body still cites other documents', () => {
    const readable = lines(
      'Công văn 45/TCLT',
      '',
      'BỘ NỘI VỤ',
      'TỔNG CỤC LƯU TRỮ',
      'Số: 45/TCLT',
      'V/v hướng dẫn chỉnh lý tài liệu tồn đọng',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Hà Nội, ngày 12 tháng 03 năm 2009',
      '',
      'Kính gửi: Ủy ban nhân dân các tỉnh',
      '',
      'Thực hiện Nghị định số 111/2004/NĐ-CP ngày 08 tháng 4 năm 2004 của Chính phủ.',
    );
    const r = parseDocument(readable);
    expect(r.metadata.numberSymbol).toBe('45/TCLT');
    expect(r.metadata.citations).toEqual(['111/2004/NĐ-CP']);
  });
});

describe("a legal database's note before a document whose header a copy damaged", () => {
  const page = lines(
    'Công văn 214/UBND-NC',
    '',
    'Công văn 214/UBND-NC năm 2011 về công bố thủ tục hành chính thuộc thẩm quyền giải quyết của Sở Tư pháp do Ủy ban nhân dân tỉnh An Lạc ban hành',
    '',
    'Công văn 214/UBND-NC đã được thay thế bởi Quyết định 588/QĐ-UBND năm 2016 và được áp dụng kể từ ngày 12/04/2016.',
    '',
    'Nội dung toàn văn Công văn 214/UBND-NC công bố thủ tục hành chính',
    '',
    'UY BAN NHAN DAN',
    'TlNH AN LAC',
    's6: 2l4 /UBND-NC',
    'V/v công bố thủ tục hành chính thuộc thẩm quyền giải quyết của Sở Tư pháp',
    'C0NG H0A XA H0I CHU NGHlA VlET NAM',
    'An Lac ngav 15 thang 3 nam 2011',
    '',
    'Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ về kiểm soát thủ tục hành chính;',
  );

  it('names documents of the page, not of the document: the text starts after its `Nội dung toàn văn …` line', () => {
    expect(parseDocument(page).metadata.citations).toEqual(['63/2010/NĐ-CP']);
  });

  it('is read so only without a header: a readable one starts the document wherever it stands', () => {
    const readable = page.replace('s6: 2l4 /UBND-NC', 'Số: 214/UBND-NC').replace('C0NG H0A XA H0I CHU NGHlA VlET NAM', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    const r = parseDocument(readable);
    expect([r.metadata.numberSymbol, r.metadata.citations]).toEqual(['214/UBND-NC', ['63/2010/NĐ-CP']]);
  });
});
