/**
 * Documents of the centre and of the State that party documents cite, with their dates, so that a
 * generated document cites only what existed on its own date.
 */

export interface ReferenceDoc {
  symbol: string;
  /** Type word as written before the number: `Nghị quyết`, `Nghị định`. */
  word: string;
  date: string | null;
  issuer: string;
  about: string;
}

export const CENTRAL_DOCS: readonly ReferenceDoc[] = [
  { symbol: '03-NQ/TW', word: 'Nghị quyết', date: '1998-07-16', issuer: 'Ban Chấp hành Trung ương Đảng', about: 'xây dựng và phát triển nền văn hóa Việt Nam tiên tiến, đậm đà bản sắc dân tộc' },
  { symbol: '40-CT/TW', word: 'Chỉ thị', date: '2004-06-15', issuer: 'Ban Bí thư', about: 'xây dựng, nâng cao chất lượng đội ngũ nhà giáo và cán bộ quản lý giáo dục' },
  { symbol: '06-CT/TW', word: 'Chỉ thị', date: '2006-11-07', issuer: 'Bộ Chính trị', about: 'tổ chức cuộc vận động học tập và làm theo tấm gương đạo đức Hồ Chí Minh' },
  { symbol: '26-NQ/TW', word: 'Nghị quyết', date: '2008-08-05', issuer: 'Ban Chấp hành Trung ương Đảng', about: 'nông nghiệp, nông dân, nông thôn' },
  { symbol: '210-QĐ/TW', word: 'Quy định', date: '2009-03-20', issuer: 'Ban Bí thư', about: 'Phông lưu trữ Đảng Cộng sản Việt Nam' },
  { symbol: '35-HD/VPTW', word: 'Hướng dẫn', date: null, issuer: 'Văn phòng Trung ương Đảng', about: 'xác định thời hạn bảo quản tài liệu' },
  { symbol: '12-NQ/TW', word: 'Nghị quyết', date: '2012-01-16', issuer: 'Ban Chấp hành Trung ương Đảng', about: 'một số vấn đề cấp bách về xây dựng Đảng hiện nay' },
  { symbol: '270-QĐ/TW', word: 'Quy định', date: '2014-12-06', issuer: 'Ban Bí thư', about: 'Phông lưu trữ Đảng Cộng sản Việt Nam' },
  { symbol: '47-CT/TW', word: 'Chỉ thị', date: '2015-06-25', issuer: 'Ban Bí thư', about: 'tăng cường sự lãnh đạo của Đảng đối với công tác phòng cháy, chữa cháy' },
  { symbol: '05-CT/TW', word: 'Chỉ thị', date: '2016-05-15', issuer: 'Bộ Chính trị', about: 'đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh' },
  { symbol: '66-QĐ/TW', word: 'Quy định', date: '2017-02-06', issuer: 'Ban Chấp hành Trung ương Đảng', about: 'thể loại, thẩm quyền ban hành và thể thức văn bản của Đảng' },
  { symbol: '18-NQ/TW', word: 'Nghị quyết', date: '2017-10-25', issuer: 'Ban Chấp hành Trung ương Đảng', about: 'tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả' },
  { symbol: '36-HD/VPTW', word: 'Hướng dẫn', date: '2018-04-03', issuer: 'Văn phòng Trung ương Đảng', about: 'thể thức và kỹ thuật trình bày văn bản của Đảng' },
  { symbol: '24-QĐ/TW', word: 'Quy định', date: '2021-07-30', issuer: 'Ban Chấp hành Trung ương', about: 'thi hành Điều lệ Đảng' },
  { symbol: '22-QĐ/TW', word: 'Quy định', date: '2021-07-28', issuer: 'Ban Chấp hành Trung ương', about: 'công tác kiểm tra, giám sát và kỷ luật của Đảng' },
  { symbol: '21-KL/TW', word: 'Kết luận', date: '2021-10-25', issuer: 'Ban Chấp hành Trung ương Đảng', about: 'đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị' },
  { symbol: '69-QĐ/TW', word: 'Quy định', date: '2022-07-06', issuer: 'Bộ Chính trị', about: 'kỷ luật tổ chức đảng, đảng viên vi phạm' },
  { symbol: '80-QĐ/TW', word: 'Quy định', date: '2022-08-18', issuer: 'Bộ Chính trị', about: 'phân cấp quản lý cán bộ và bổ nhiệm, giới thiệu cán bộ ứng cử' },
  { symbol: '35-CT/TW', word: 'Chỉ thị', date: '2024-06-14', issuer: 'Bộ Chính trị', about: 'đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng' },
  { symbol: '57-NQ/TW', word: 'Nghị quyết', date: '2024-12-22', issuer: 'Bộ Chính trị', about: 'đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia' },
  { symbol: '127-KL/TW', word: 'Kết luận', date: '2025-02-28', issuer: 'Bộ Chính trị, Ban Bí thư', about: 'triển khai nghiên cứu, đề xuất tiếp tục sắp xếp tổ chức bộ máy của hệ thống chính trị' },
  { symbol: '137-KL/TW', word: 'Kết luận', date: '2025-03-28', issuer: 'Bộ Chính trị, Ban Bí thư', about: 'sắp xếp, tổ chức lại đơn vị hành chính các cấp và xây dựng mô hình tổ chức chính quyền địa phương 02 cấp' },
  { symbol: '64-CV/TW', word: 'Công văn', date: '2025-04-10', issuer: 'Ban Bí thư', about: 'quản lý tài liệu khi sắp xếp, tinh gọn tổ chức bộ máy' },
  { symbol: '60-NQ/TW', word: 'Nghị quyết', date: '2025-04-12', issuer: 'Ban Chấp hành Trung ương Đảng', about: 'Hội nghị lần thứ mười một Ban Chấp hành Trung ương Đảng khóa XIII' },
  { symbol: '14514-CV/VPTW', word: 'Công văn', date: '2025-04-25', issuer: 'Văn phòng Trung ương Đảng', about: 'quản lý hồ sơ, tài liệu khi sắp xếp tổ chức bộ máy' },
];

export const STATE_DOCS: readonly ReferenceDoc[] = [
  { symbol: '110/2004/NĐ-CP', word: 'Nghị định', date: '2004-04-08', issuer: 'Chính phủ', about: 'công tác văn thư' },
  { symbol: '26/2008/QĐ-TTg', word: 'Quyết định', date: '2008-02-05', issuer: 'Thủ tướng Chính phủ', about: 'chính sách phát triển kinh tế - xã hội vùng' },
  { symbol: '07/2012/TT-BNV', word: 'Thông tư', date: '2012-11-22', issuer: 'Bộ Nội vụ', about: 'lập hồ sơ và nộp lưu hồ sơ, tài liệu vào lưu trữ cơ quan' },
  { symbol: '109/2018/NĐ-CP', word: 'Nghị định', date: '2018-08-29', issuer: 'Chính phủ', about: 'nông nghiệp hữu cơ' },
  { symbol: '02/2019/TT-BNV', word: 'Thông tư', date: '2019-01-24', issuer: 'Bộ Nội vụ', about: 'tiêu chuẩn dữ liệu thông tin đầu vào và yêu cầu bảo quản tài liệu lưu trữ điện tử' },
  { symbol: '73/2019/NĐ-CP', word: 'Nghị định', date: '2019-09-05', issuer: 'Chính phủ', about: 'quản lý đầu tư ứng dụng công nghệ thông tin' },
  { symbol: '30/2020/NĐ-CP', word: 'Nghị định', date: '2020-03-05', issuer: 'Chính phủ', about: 'công tác văn thư' },
  { symbol: '26/2020/NĐ-CP', word: 'Nghị định', date: '2020-02-28', issuer: 'Chính phủ', about: 'quy định chi tiết một số điều của Luật Bảo vệ bí mật nhà nước' },
  { symbol: '136/2020/NĐ-CP', word: 'Nghị định', date: '2020-11-24', issuer: 'Chính phủ', about: 'phòng cháy và chữa cháy' },
  { symbol: '1719/QĐ-TTg', word: 'Quyết định', date: '2021-10-14', issuer: 'Thủ tướng Chính phủ', about: 'Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi' },
  { symbol: '06/QĐ-TTg', word: 'Quyết định', date: '2022-01-06', issuer: 'Thủ tướng Chính phủ', about: 'phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử' },
  { symbol: '10/2022/TT-BNV', word: 'Thông tư', date: '2022-12-19', issuer: 'Bộ Nội vụ', about: 'thời hạn bảo quản tài liệu' },
  { symbol: '33/2023/NĐ-CP', word: 'Nghị định', date: '2023-06-10', issuer: 'Chính phủ', about: 'cán bộ, công chức cấp xã' },
  { symbol: '178/2024/NĐ-CP', word: 'Nghị định', date: '2024-12-31', issuer: 'Chính phủ', about: 'chính sách, chế độ đối với cán bộ, công chức khi thực hiện sắp xếp tổ chức bộ máy của hệ thống chính trị' },
  { symbol: '66/NQ-CP', word: 'Nghị quyết', date: '2025-03-26', issuer: 'Chính phủ', about: 'chương trình cắt giảm, đơn giản hóa thủ tục hành chính' },
  { symbol: '127/CĐ-TTg', word: 'Công điện', date: '2025-08-01', issuer: 'Thủ tướng Chính phủ', about: 'vận hành chính quyền địa phương 02 cấp' },
  { symbol: '67/2025/NĐ-CP', word: 'Nghị định', date: '2025-03-15', issuer: 'Chính phủ', about: 'sửa đổi chính sách khi sắp xếp tổ chức bộ máy' },
  { symbol: '154/2025/NĐ-CP', word: 'Nghị định', date: '2025-06-15', issuer: 'Chính phủ', about: 'tinh giản biên chế' },
];
