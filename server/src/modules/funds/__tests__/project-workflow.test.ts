import { ProjectStatus } from '../funds.enums';
import { nextStatuses, PROJECT_STEPS, stepRefusal } from '../project-workflow';

describe('the project library workflow', () => {
  it('runs PROPOSED → ASSESSED → APPROVED → ANNOUNCED → STARTED → ACCEPTED → EVALUATED, one step at a time', () => {
    const path = [
      ProjectStatus.PROPOSED,
      ProjectStatus.ASSESSED,
      ProjectStatus.APPROVED,
      ProjectStatus.ANNOUNCED,
      ProjectStatus.STARTED,
      ProjectStatus.ACCEPTED,
      ProjectStatus.EVALUATED,
    ];
    for (let i = 0; i + 1 < path.length; i++) {
      expect(stepRefusal(path[i], path[i + 1])).toBeNull();
      // No skipping a step.
      if (i + 2 < path.length) expect(stepRefusal(path[i], path[i + 2])).toContain('allowed');
    }
    expect(nextStatuses(ProjectStatus.EVALUATED)).toEqual([]);
    expect(stepRefusal(ProjectStatus.EVALUATED, ProjectStatus.CANCELLED)).toContain('final');
  });

  it('cancels only before the start, and the county moves every step but the start', () => {
    expect(nextStatuses(ProjectStatus.ANNOUNCED)).toEqual([ProjectStatus.STARTED, ProjectStatus.CANCELLED]);
    expect(stepRefusal(ProjectStatus.STARTED, ProjectStatus.CANCELLED)).not.toBeNull();
    expect(stepRefusal(ProjectStatus.PROPOSED, ProjectStatus.PROPOSED)).toContain('only once');
    const local = Object.entries(PROJECT_STEPS)
      .filter(([, step]) => step.actor === 'LOCAL')
      .map(([to]) => to);
    expect(local).toEqual([ProjectStatus.STARTED]);
  });
});
