import { describe, expect, it } from 'vitest';
import { healthFigure, stageLabel } from './stage.ts';

describe('stageLabel', () => {
  it('names the verified stage in words', () => {
    expect(stageLabel('define-criteria')).toBe('Define purchase criteria');
    expect(stageLabel('closed')).toBe('Closed');
  });

  it('shows nothing before the status is computed, and an unknown stage as it came', () => {
    expect(stageLabel(undefined)).toBeNull();
    expect(stageLabel('')).toBeNull();
    expect(stageLabel('negotiate')).toBe('negotiate');
    expect(stageLabel('constructor')).toBe('constructor');
  });
});

describe('healthFigure', () => {
  it('rounds health and ignores anything that is not a number', () => {
    expect(healthFigure(71.6)).toBe(72);
    expect(healthFigure(0)).toBe(0);
    expect(healthFigure('80')).toBeNull();
    expect(healthFigure(Number.NaN)).toBeNull();
  });
});
