import type { Rng } from './prng';

/**
 * Vietnamese personal names: family, middle and given names weighted roughly as they occur, plus
 * names of the Central Highlands peoples (Ê Đê, Gia Rai, M'nông…) that a Tây Nguyên archive holds.
 */

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Trương', 'Lương', 'Mai', 'Hà', 'Tô', 'Cao', 'Châu', 'Đoàn', 'Lâm', 'Trịnh', 'Tạ', 'Kiều', 'Thái', 'Lưu', 'Quách', 'Văn', 'Chu', 'Nông'];
const FAMILY_W = [38, 11, 9.5, 7, 5, 4, 4.5, 3.9, 3.9, 2.1, 2, 1.4, 1.3, 1.3, 1, 0.5, 1, 1, 0.8, 0.6, 0.7, 0.4, 0.5, 0.3, 0.5, 0.4, 0.5, 0.3, 0.2, 0.3, 0.3, 0.2, 0.2, 0.2, 0.3];
const MIDDLE_M = ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Thanh', 'Công', 'Đình', 'Xuân', 'Ngọc', 'Hoàng', 'Thành', 'Quốc', 'Trọng', 'Anh', 'Tiến', 'Duy', 'Mạnh', 'Viết', 'Bá'];
const MIDDLE_F = ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thanh', 'Thu', 'Kim', 'Mỹ', 'Hồng', 'Thùy', 'Phương', 'Minh', 'Bích', 'Hải'];
const GIVEN_M = ['Hùng', 'Dũng', 'Tuấn', 'Hải', 'Nam', 'Sơn', 'Thắng', 'Long', 'Phong', 'Quân', 'Thịnh', 'Khoa', 'Hậu', 'Lộc', 'Phước', 'Tâm', 'Tấn', 'Thạnh', 'Khiêm', 'Bình', 'Cường', 'Đạt', 'Hiếu', 'Hòa', 'Huy', 'Kiên', 'Lâm', 'Lợi', 'Mạnh', 'Nghĩa', 'Phúc', 'Quyết', 'Sáu', 'Tài', 'Thành', 'Toàn', 'Trung', 'Tùng', 'Việt', 'Vinh', 'Chiến', 'Định', 'Giang', 'Hưng', 'Kha', 'Luân', 'Nhân', 'Tám', 'Thuận', 'Vương'];
const GIVEN_F = ['Lan', 'Hương', 'Hoa', 'Mai', 'Nga', 'Hà', 'Linh', 'Thảo', 'Trang', 'Yến', 'Duyên', 'Xuân', 'Nguyệt', 'Chi', 'Hạnh', 'Hằng', 'Huyền', 'Loan', 'Nhung', 'Oanh', 'Phượng', 'Quyên', 'Thủy', 'Tuyết', 'Vân', 'Hòa', 'Dung', 'Liên', 'Ngân', 'Thơ'];
const HIGHLAND_M = ['Y Khuê Byă', 'Y Blim Niê', 'Y Ngọc Ayun', 'Rơ Mah Thuấn', 'Ksor Phước', 'Nay Y Blim', 'Y Biêr Niê', 'Rah Lan Chung', 'Điểu K’ré', 'A Pớt', 'Siu Hương', 'Y Thông Bkrông'];
const HIGHLAND_F = ["H' Yâm Mlô", 'H’Ngăm Niê', 'Ka Thị Hòa', 'Rah Lan Thị Nhung', 'Nay H’Bé', 'Siu Thị Hoa', "H' Lan Byă", 'Ksor H’Bơ Khăp'];

const HIGHLANDS = new Set(['Đắk Lắk', 'Đắk Nông', 'Gia Lai', 'Kon Tum', 'Lâm Đồng']);

/** One full name; in the Central Highlands about one in six is a highland name. */
export function personName(rng: Rng, province: string): string {
  const female = rng.chance(0.3);
  if (HIGHLANDS.has(province) && rng.chance(0.16)) return rng.pick(female ? HIGHLAND_F : HIGHLAND_M);
  const family = rng.weighted(FAMILY, FAMILY_W);
  const middle = rng.pick(female ? MIDDLE_F : MIDDLE_M);
  const given = rng.pick(female ? GIVEN_F : GIVEN_M);
  // Some people carry two middle names (`Lê Thị Thanh Xuân`, `Trần Thị Mỹ Duyên`).
  if (rng.chance(0.18)) return `${family} ${middle} ${rng.pick(female ? MIDDLE_F.slice(3) : MIDDLE_M)} ${given}`;
  return `${family} ${middle} ${given}`;
}
