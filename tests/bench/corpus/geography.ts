/**
 * Places of the generated archive: provinces (and the two centrally-run cities) before the 2025
 * mergers, with their districts, and a bank of commune names. Real names, so that place and issuer
 * searches behave as they would on a real provincial archive; which commune belongs to which
 * district is drawn by the generator (names such as Tân Lập recur across districts, as in life).
 */

export type DistrictKind = 'huyen' | 'thanhpho' | 'thixa' | 'quan';

export interface ProvinceDef {
  name: string;
  /** `thanhpho` for a city run by the centre (its committee is a Thành ủy). */
  kind: 'tinh' | 'thanhpho';
  /** Districts; `TP ` / `TX ` / `Q ` prefixes mark cities, towns and urban districts. */
  districts: string[];
  /** The province it merged into in 2025, when it ceased to exist. */
  mergedInto?: string;
}

export const PROVINCES: readonly ProvinceDef[] = [
  {
    name: 'Đắk Lắk',
    kind: 'tinh',
    districts: ['TP Buôn Ma Thuột', 'TX Buôn Hồ', 'Krông Pắc', "Ea H'leo", 'Krông Búk', "Cư M'gar", 'Ea Súp', 'Buôn Đôn', 'Lắk', 'Krông Bông', 'Krông Ana', 'Cư Kuin', "M'Đrắk", 'Ea Kar', 'Krông Năng'],
  },
  {
    name: 'Đắk Nông',
    kind: 'tinh',
    mergedInto: 'Lâm Đồng',
    districts: ['TP Gia Nghĩa', 'Đắk Mil', 'Đắk Song', 'Cư Jút', 'Krông Nô', "Đắk R'lấp", 'Tuy Đức', 'Đắk Glong'],
  },
  {
    name: 'Gia Lai',
    kind: 'tinh',
    districts: ['TP Pleiku', 'TX An Khê', 'TX Ayun Pa', 'Chư Păh', 'Ia Grai', 'Đức Cơ', 'Chư Prông', 'Chư Sê', 'Mang Yang', 'Kbang', 'Đak Đoa', 'Krông Pa', 'Phú Thiện'],
  },
  {
    name: 'Kon Tum',
    kind: 'tinh',
    mergedInto: 'Quảng Ngãi',
    districts: ['TP Kon Tum', 'Đắk Hà', 'Đắk Tô', 'Ngọc Hồi', 'Sa Thầy', 'Kon Plông', 'Kon Rẫy', 'Tu Mơ Rông', 'Đắk Glei', "Ia H'Drai"],
  },
  {
    name: 'Lâm Đồng',
    kind: 'tinh',
    districts: ['TP Đà Lạt', 'TP Bảo Lộc', 'Đam Rông', 'Lạc Dương', 'Đơn Dương', 'Đức Trọng', 'Lâm Hà', 'Di Linh', 'Bảo Lâm', 'Đạ Huoai', 'Cát Tiên'],
  },
  {
    name: 'Lào Cai',
    kind: 'tinh',
    districts: ['TP Lào Cai', 'TX Sa Pa', 'Bát Xát', 'Mường Khương', 'Si Ma Cai', 'Bắc Hà', 'Bảo Thắng', 'Bảo Yên', 'Văn Bàn'],
  },
  {
    name: 'Hà Tĩnh',
    kind: 'tinh',
    districts: ['TP Hà Tĩnh', 'TX Hồng Lĩnh', 'TX Kỳ Anh', 'Hương Sơn', 'Đức Thọ', 'Vũ Quang', 'Nghi Xuân', 'Can Lộc', 'Hương Khê', 'Thạch Hà', 'Cẩm Xuyên', 'Kỳ Anh', 'Lộc Hà'],
  },
  {
    name: 'Quảng Ngãi',
    kind: 'tinh',
    districts: ['TP Quảng Ngãi', 'TX Đức Phổ', 'Bình Sơn', 'Sơn Tịnh', 'Tư Nghĩa', 'Nghĩa Hành', 'Mộ Đức', 'Ba Tơ', 'Minh Long', 'Sơn Hà', 'Sơn Tây', 'Trà Bồng', 'Lý Sơn'],
  },
  {
    name: 'Bình Phước',
    kind: 'tinh',
    mergedInto: 'Đồng Nai',
    districts: ['TP Đồng Xoài', 'TX Bình Long', 'TX Phước Long', 'Đồng Phú', 'Bù Đăng', 'Bù Gia Mập', 'Bù Đốp', 'Lộc Ninh', 'Hớn Quản', 'Chơn Thành', 'Phú Riềng'],
  },
  {
    name: 'Đồng Nai',
    kind: 'tinh',
    districts: ['TP Biên Hòa', 'TP Long Khánh', 'Nhơn Trạch', 'Long Thành', 'Trảng Bom', 'Thống Nhất', 'Vĩnh Cửu', 'Định Quán', 'Tân Phú', 'Xuân Lộc', 'Cẩm Mỹ'],
  },
  {
    name: 'Nghệ An',
    kind: 'tinh',
    districts: ['TP Vinh', 'TX Cửa Lò', 'TX Thái Hòa', 'Quỳnh Lưu', 'Diễn Châu', 'Yên Thành', 'Nghi Lộc', 'Hưng Nguyên', 'Nam Đàn', 'Thanh Chương', 'Đô Lương', 'Anh Sơn', 'Con Cuông', 'Tương Dương', 'Kỳ Sơn', 'Quế Phong'],
  },
  {
    name: 'Thanh Hóa',
    kind: 'tinh',
    districts: ['TP Thanh Hóa', 'TP Sầm Sơn', 'TX Bỉm Sơn', 'Hoằng Hóa', 'Hậu Lộc', 'Nga Sơn', 'Hà Trung', 'Vĩnh Lộc', 'Thạch Thành', 'Cẩm Thủy', 'Ngọc Lặc', 'Thọ Xuân', 'Triệu Sơn', 'Nông Cống', 'Quảng Xương'],
  },
  {
    name: 'Cần Thơ',
    kind: 'thanhpho',
    districts: ['Q Ninh Kiều', 'Q Bình Thủy', 'Q Cái Răng', 'Q Ô Môn', 'Q Thốt Nốt', 'Phong Điền', 'Cờ Đỏ', 'Thới Lai', 'Vĩnh Thạnh'],
  },
  {
    name: 'Đà Nẵng',
    kind: 'thanhpho',
    districts: ['Q Hải Châu', 'Q Thanh Khê', 'Q Sơn Trà', 'Q Ngũ Hành Sơn', 'Q Liên Chiểu', 'Q Cẩm Lệ', 'Hòa Vang'],
  },
];

/** Commune and ward names; each district draws its own from these. */
export const COMMUNE_NAMES: readonly string[] = [
  'Ea Kpam', 'Hòa Sơn', 'Quảng Tín', 'Đức Mạnh', 'Tân Lập', 'Hòa Bình', 'Phú Lộc', 'Ea Tiêu', 'Ea Kao', 'Hòa Thắng',
  'Hòa Phú', 'Cư Ê Wi', 'Ea Bhốk', 'Krông Jing', 'Ea Trang', 'Cư Pơng', 'Ea Nuôl', 'Tân Hòa', 'Thuận An', 'Đức Minh',
  'Nam Dong', 'Ea Pô', 'Trúc Sơn', 'Đắk Wil', 'Quảng Khê', 'Ia Hrú', 'Ia Dom', 'Ia Kênh', 'Chư Á', 'Biển Hồ',
  'Nghĩa Hưng', 'Ia Phang', 'Ia Ly', 'Đắk Blà', 'Ngọk Bay', 'Đăk Năng', 'Hòa Bình', 'Tân Thành', 'Đạ Tông', 'Đạ M’Rông',
  'Lát', 'Đạ Nhim', 'Ka Đô', 'Lạc Xuân', 'Hiệp Thạnh', 'Tân Hà', 'Liên Hiệp', 'Gia Hiệp', 'Lộc An', 'Lộc Thành',
  'Bản Vược', 'Trịnh Tường', 'Pha Long', 'Lùng Phình', 'Bảo Nhai', 'Xuân Quang', 'Phố Lu', 'Nghĩa Đô', 'Khánh Yên', 'Dương Quỳ',
  'Sơn Kim', 'Sơn Tây', 'Tùng Ảnh', 'Đức Lạng', 'Hương Minh', 'Xuân Hội', 'Thiên Lộc', 'Phú Gia', 'Thạch Khê', 'Cẩm Xuyên',
  'Kỳ Hoa', 'Thạch Kim', 'Bình Thuận', 'Tịnh Phong', 'Nghĩa Kỳ', 'Hành Thiện', 'Đức Nhuận', 'Ba Thành', 'Long Hiệp', 'Sơn Linh',
  'An Vĩnh', 'Trà Xuân', 'Tân Tiến', 'Đồng Tâm', 'Thọ Sơn', 'Phước Sơn', 'Lộc Hưng', 'Minh Hưng', 'Phú Riềng', 'Long Hà',
  'Phước Thiền', 'Long An', 'Bàu Hàm', 'Gia Tân', 'Trị An', 'Phú Vinh', 'Xuân Bắc', 'Sông Ray', 'Quỳnh Bảng', 'Diễn Kỷ',
  'Công Thành', 'Nghi Thạch', 'Hưng Tân', 'Kim Liên', 'Thanh Đồng', 'Đà Sơn', 'Cẩm Sơn', 'Môn Sơn', 'Tam Quang', 'Mường Xén',
  'Châu Kim', 'Hoằng Phụ', 'Đa Lộc', 'Nga Điền', 'Hà Long', 'Vĩnh Hùng', 'Thành Vân', 'Cẩm Tú', 'Minh Sơn', 'Xuân Lập',
  'Thọ Ngọc', 'Công Liêm', 'Quảng Lợi', 'An Khánh', 'An Bình', 'Thới Bình', 'Hưng Phú', 'Trường Lạc', 'Tân Lộc', 'Nhơn Ái',
  'Trung An', 'Tân Thạnh', 'Thạnh An', 'Hòa Thuận', 'Phước Ninh', 'Thạc Gián', 'An Hải Bắc', 'Mỹ An', 'Hòa Khánh Nam', 'Hòa Xuân',
  'Hòa Phong', 'Hòa Ninh', 'Hòa Tiến', 'Ea Hồ', 'Dliê Ya', 'Cư Klông', 'Ea Sar', 'Cư Prao', 'Ea Lai', 'Krông Nô',
];

/** Name of a district as printed after `HUYỆN ỦY`, `THÀNH ỦY`, `THỊ ỦY` or `QUẬN ỦY`. */
export function districtParts(raw: string): { kind: DistrictKind; name: string } {
  if (raw.startsWith('TP ')) return { kind: 'thanhpho', name: raw.slice(3) };
  if (raw.startsWith('TX ')) return { kind: 'thixa', name: raw.slice(3) };
  if (raw.startsWith('Q ')) return { kind: 'quan', name: raw.slice(2) };
  return { kind: 'huyen', name: raw };
}
