import { useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import { COMMENT_MAX, isPoor, LEVEL_NAMES, POOR_REASONS, RATING_LEVELS, REASON_NAMES, type PoorReason, type RatingLevel } from '../../core/rating/ratingNames';
import type { RatingInput, RatingView } from '../../core/rating/Rating';
import { ApiError } from '../services/api';
import { ActionError, type ShownError } from './ActionError';
import { Button } from './nutui';
import './Choice.scss';
import './Form.scss';
import './RatingSheet.scss';
import { tappable } from './tappable';

/**
 * 好差评 of one finished service: the five levels; for 不满意 / 非常不满意 the reasons (at least one)
 * and an optional short note without personal data. The answer is the stored rating (a retry of the
 * same rating answers the same).
 */
export function RatingSheet({
  id,
  submit,
  onDone,
  onClose,
}: {
  id: string;
  submit: (r: RatingInput) => Promise<RatingView>;
  onDone: (r: RatingView) => void;
  onClose: () => void;
}) {
  const [level, setLevel] = useState<RatingLevel>();
  const [reasons, setReasons] = useState<PoorReason[]>([]);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError>();
  const poor = level !== undefined && isPoor(level);
  const toggle = (r: PoorReason) => setReasons((rs) => (rs.includes(r) ? rs.filter((x) => x !== r) : [...rs, r]));

  const send = async () => {
    if (!level) return;
    setBusy(true);
    setError(undefined);
    try {
      const note = comment.trim();
      onDone(await submit({ level, ...(poor ? { reasons } : {}), ...(note ? { comment: note } : {}) }));
    } catch (e) {
      setError(e instanceof ApiError ? { code: e.code, message: e.message } : { code: 'UNKNOWN', message: '提交失败，请重试' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="rating-sheet" data-rating-sheet={id}>
      <Text className="rating-sheet__title">评价本次服务</Text>
      <View className="chips">
        {RATING_LEVELS.map((l) => (
          <Text key={l} className={`chip ${level === l ? 'chip--on' : ''}`} data-level={l} {...tappable('button', { pressed: level === l })} onClick={() => setLevel(l)}>
            {LEVEL_NAMES[l]}
          </Text>
        ))}
      </View>
      {poor && (
        <>
          <Text className="rating-sheet__hint">请选择不满意的原因（可多选）</Text>
          <View className="chips">
            {POOR_REASONS.map((r) => (
              <Text
                key={r}
                className={`chip ${reasons.includes(r) ? 'chip--on' : ''}`}
                data-reason={r}
                {...tappable('checkbox', { checked: reasons.includes(r) })}
                onClick={() => toggle(r)}
              >
                {REASON_NAMES[r]}
              </Text>
            ))}
          </View>
          <Textarea
            className="form-field__input rating-sheet__comment"
            data-field="rating-comment"
            value={comment}
            maxlength={COMMENT_MAX}
            placeholder={`补充说明（选填，${COMMENT_MAX}字内，请勿填写身份证号、手机号）`}
            onInput={(e) => setComment(e.detail.value)}
          />
        </>
      )}
      <View className="form-actions">
        <ActionError error={error} id={`rating-error-${id}`} />
        <Button type="primary" loading={busy} disabled={!level || (poor && reasons.length === 0)} onClick={() => void send()}>
          提交评价
        </Button>
        <Text className="form-actions__secondary" {...tappable()} onClick={onClose}>
          暂不评价
        </Text>
      </View>
    </View>
  );
}

/** After a finished service: the rating given, or the 评价 entry that opens the sheet. */
export function RatingEntry({
  id,
  rating,
  submit,
  onRated,
}: {
  id: string;
  rating?: RatingView;
  submit: (r: RatingInput) => Promise<RatingView>;
  onRated: (r: RatingView) => void;
}) {
  const [open, setOpen] = useState(false);
  if (rating)
    return (
      <Text className="rating-given" data-rated={rating.level}>
        已评价：{rating.levelName}
      </Text>
    );
  if (open)
    return (
      <RatingSheet
        id={id}
        submit={submit}
        onClose={() => setOpen(false)}
        onDone={(r) => {
          setOpen(false);
          onRated(r);
        }}
      />
    );
  return (
    <Text className="rating-entry link" data-rate={id} {...tappable()} onClick={() => setOpen(true)}>
      评价 ›
    </Text>
  );
}
