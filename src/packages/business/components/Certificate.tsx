import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { TicketQr } from '../../../components/TicketQr';
import { SummaryRow } from '../../../components/SummaryRow';
import { tappable } from '../../../components/tappable';
import type { BusinessView } from '../../../services/businessApi';
import { verifyLinkOf, verifyPathOf } from '../verify/verifyLink';
import { verifyLinkBase } from '../verify/verifyLinkBase';
import './business.scss';

/** The issued electronic certificate: its serial, validity, and a QR code that opens the public verification. */
export function Certificate({ certificate, holderName, purpose }: { certificate: NonNullable<BusinessView['certificate']>; holderName: string; purpose?: string }) {
  const link = verifyLinkOf(certificate.serial, verifyLinkBase());
  return (
    <View className="certificate" data-field="certificate" data-serial={certificate.serial}>
      <TicketQr token={link} size={200} label={`证明编号${certificate.serial}的核验二维码`} />
      <Text className="certificate__serial" data-field="serial">
        {certificate.serial}
      </Text>
      <Text className="certificate__statement" data-field="statement">
        兹证明{holderName}（公民身份号码{certificate.holderIdNumberMasked}）户籍登记在{certificate.householdPlace || '本辖区'}。{purpose ? `此证明用于${purpose}。` : ''}
      </Text>
      <SummaryRow label="出具时间">{certificate.issuedAt}</SummaryRow>
      <SummaryRow label="有效期至" field="validUntil">
        {certificate.validUntil}
      </SummaryRow>
      {certificate.revoked && (
        <View className="notice notice--error" role="alert">
          <Text>该证明已被撤销，不能再使用。</Text>
        </View>
      )}
      <Text className="hint">需要核验的单位可扫码或在“证明核验”中输入证明编号查询。</Text>
      <Text className="biz-link" data-action="open-verify" {...tappable('link')} onClick={() => void Taro.navigateTo({ url: verifyPathOf(certificate.serial) })}>
        查看核验结果 ›
      </Text>
    </View>
  );
}
