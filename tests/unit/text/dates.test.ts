import { describe, expect, it } from 'vitest';
import { dateFieldValue, formatDayMonthYear, isIsoDate, parseDayMonthYear } from '../../../shared/text/dates';

describe('dates typed and shown day first (dd/mm/yyyy)', () => {
  it('reads the ways archivists type a date', () => {
    expect(parseDayMonthYear('14/5/2025')).toBe('2025-05-14');
    expect(parseDayMonthYear('14/05/2025')).toBe('2025-05-14');
    expect(parseDayMonthYear(' 3-7-2020 ')).toBe('2020-07-03');
    expect(parseDayMonthYear('3.7.2020')).toBe('2020-07-03');
    expect(parseDayMonthYear('03 / 07 / 2020')).toBe('2020-07-03');
    expect(parseDayMonthYear('ngày 14 tháng 5 năm 2025')).toBe('2025-05-14');
    expect(parseDayMonthYear('Ngày 14 tháng 5 năm 2025')).toBe('2025-05-14');
    expect(parseDayMonthYear('2025-05-14')).toBe('2025-05-14');
  });

  it('reads the day first, never the month: 05/06/2025 is 5 June', () => {
    expect(parseDayMonthYear('05/06/2025')).toBe('2025-06-05');
    expect(parseDayMonthYear('12/31/2025')).toBeNull();
  });

  it('refuses what is not one whole, real day, without guessing', () => {
    for (const bad of ['31/02/2024', '29/02/2023', '14/5/25', '5/2025', '2025', '', 'hôm nay', '14/13/2024', '0/1/2024', '2024-02-30', '14//2024'])
      expect(parseDayMonthYear(bad), bad).toBeNull();
    expect(parseDayMonthYear('29/02/2024')).toBe('2024-02-29');
  });

  it('shows ISO dates as dd/mm/yyyy and leaves anything else alone', () => {
    expect(formatDayMonthYear('2025-05-14')).toBe('14/05/2025');
    expect(formatDayMonthYear(null)).toBe('');
    expect(formatDayMonthYear('khoảng 1990')).toBe('khoảng 1990');
  });

  it('round-trips: what is shown reads back to the same date', () => {
    for (const iso of ['1945-09-02', '2000-02-29', '2025-12-31']) expect(parseDayMonthYear(formatDayMonthYear(iso))).toBe(iso);
  });

  it('holds ISO while typing once the text reads, the text itself otherwise', () => {
    expect(dateFieldValue('14/5/2025')).toBe('2025-05-14');
    expect(dateFieldValue('14/5/20')).toBe('14/5/20');
    expect(dateFieldValue('   ')).toBe('');
    expect(isIsoDate(dateFieldValue('14/5/20'))).toBe(false);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
  });
});
