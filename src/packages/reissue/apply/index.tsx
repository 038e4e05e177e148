import { Text, View } from '@tarojs/components';
import { LoadState } from '../../../components/LoadState';
import { PageShell } from '../../../components/PageShell';
import { Button } from '../../../components/nutui';
import { CardDetails } from './steps/CardDetails';
import { Confirm } from './steps/Confirm';
import { Delivery } from './steps/Delivery';
import { Fee } from './steps/Fee';
import { ForWhom } from './steps/ForWhom';
import { Ineligible } from './steps/Ineligible';
import { VerifyFirst } from '../../../components/VerifyFirst';
import { PhotoReuse } from './steps/PhotoReuse';
import { Reason } from './steps/Reason';
import { ReportLoss } from './steps/ReportLoss';
import { useReissueApply } from './useReissueApply';
import '../../../components/Form.scss';
import '../components/reissue.scss';
import './index.scss';
import { heading } from '../../../components/tappable';

/**
 * 身份证补换领: for whom, why, eligibility, (lost) 挂失, masked card data, photo reuse, delivery,
 * fee → confirm → apply → pay → tracking. The function decides every rule; this page shows them.
 */
export default function ReissueApply() {
  const { basics, check, state, dispatch, profile, idMasked, halls, hall, payment, reportLoss, openConfirm, submit, goTrack } = useReissueApply();
  const data = basics.data;
  const elig = check.data;
  const { reason, error } = state;
  // A lost card has the 挂失 step 4: the steps after it move on by one.
  const after = reason === 'lost' ? 5 : 4;

  return (
    <PageShell className="reissue-apply">
      <LoadState remote={basics}>
        {data && !profile && <VerifyFirst why="网上补换领身份证需要先确认您的身份。认证后，可为本人和同户的家人申请。" />}

        {error && (
          <View className="notice notice--error" role="alert" data-error-code={error.code}>
            <Text>{error.message}</Text>
          </View>
        )}

        {profile && state.step === 'form' && (
          <>
            <View className="reissue-head">
              <Text className="reissue-head__title" {...heading(1)}>
                身份证补换领
              </Text>
              <Text className="reissue-head__hint">网上申请，制证后邮寄到家或到大厅领取</Text>
            </View>

            <ForWhom selfName={profile.nameMasked} members={data?.members ?? []} who={state.who} onChoose={(who) => dispatch({ type: 'chooseWho', who })} />
            <Reason reason={reason} onChoose={(r) => dispatch({ type: 'chooseReason', reason: r })} />

            <LoadState remote={check}>
              {elig && !elig.eligible && <Ineligible eligibility={elig} />}

              {elig && elig.eligible && (
                <>
                  <CardDetails eligibility={elig} idMasked={idMasked} />
                  {reason === 'lost' && <ReportLoss reportedAt={state.lossReportedAt} busy={state.busy} onReport={reportLoss} />}
                  <PhotoReuse number={after} agreed={state.photoOk} onToggle={() => dispatch({ type: 'togglePhoto' })} />
                  <Delivery
                    number={after + 1}
                    delivery={state.delivery}
                    address={state.address}
                    halls={halls}
                    hallId={state.hallId}
                    onDelivery={(delivery) => dispatch({ type: 'chooseDelivery', delivery })}
                    onAddress={(address) => dispatch({ type: 'editAddress', address })}
                    onHall={(hallId) => dispatch({ type: 'chooseHall', hallId })}
                  />
                  <Fee fee={elig.fee} />

                  {state.formProblem && (
                    <View className="notice notice--error" role="alert" data-problem="form">
                      <Text>{state.formProblem}</Text>
                    </View>
                  )}
                  <View className="form-actions">
                    <Button type="primary" onClick={openConfirm}>
                      下一步：确认信息
                    </Button>
                  </View>
                </>
              )}
            </LoadState>
          </>
        )}

        {profile && state.step === 'confirm' && elig && (
          <Confirm
            eligibility={elig}
            idMasked={idMasked}
            form={state}
            hallName={hall?.name}
            applied={state.applied}
            busy={state.busy || payment.busy}
            payment={payment}
            onSubmit={submit}
            onBack={() => dispatch({ type: 'backToForm' })}
            onTrack={goTrack}
          />
        )}
      </LoadState>
    </PageShell>
  );
}
