/** Files missing required data (retention, title, dates, box): each links to the file to fix it. */
import type { InventoryReport } from '@shared/contract/types/handover';
import { useAppStore } from '../../stores/appStore';
import { useT } from '../../i18n';

export function ProblemList({ report }: { report: InventoryReport }) {
  const t = useT();
  const navigate = useAppStore((s) => s.navigate);
  if (report.problemCount === 0) {
    return (
      <p className="ok-text" data-testid="hv-no-problems">
        {t('handover.inv.noProblems')}
      </p>
    );
  }
  return (
    <div data-testid="hv-problems">
      <h3 className="section-title warn-text">{t('handover.inv.problems', { n: report.problemCount })}</h3>
      <table className="data-table">
        <thead>
          <tr>
            <th>{t('fonds.code')}</th>
            <th>{t('file.codeShort')}</th>
            <th>{t('file.title')}</th>
            <th>{t('handover.inv.missing')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {report.problems.map((p) => (
            <tr key={p.fileId} data-testid={`hv-problem-${p.fileId}`}>
              <td>{p.fondsCode}</td>
              <td>{p.code}</td>
              <td className="col-title">{p.title}</td>
              <td className="warn-text">{p.problems.map((k) => t(`handover.problem.${k}`)).join(', ')}</td>
              <td>
                <button type="button" className="link" onClick={() => navigate({ kind: 'file', fileId: p.fileId })} data-testid={`hv-problem-fix-${p.fileId}`}>
                  {t('handover.batch.problemLink')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
