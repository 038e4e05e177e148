/**
 * INSECURE, FOR THE LOCAL CLOUD AND TESTS ONLY: the key pair with which the local WeChat Pay
 * (devcloud/localPayment.ts) signs its notifications, as WeChat Pay signs with the private half of
 * 微信支付公钥. The functions in the local cloud are configured with the public half
 * (devEnvironment.ts: HUKOU_WXPAY_PUBLIC_KEY). Published in this repository, so worthless as a
 * secret: never configure it in a CloudBase environment (WeChat Pay issues the real public key).
 */

export const LOCAL_WXPAY_PUBLIC_KEY_ID = 'PUB_KEY_ID_0000000000000000000000INSECURE00DEV';

/** The local APIv3 key (32 characters) that encrypts the local notifications' resources. */
export const LOCAL_WXPAY_APIV3_KEY = 'INSECUREDEVONLYAPIV3KEY000000000';

export const LOCAL_WXPAY_PUBLIC_KEY_PEM = `-----BEGIN PUBLIC KEY-----
MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA6IoAAcVzNJMD49buTAR3
9i5SeN1hnw2tfbHo6y3+tBodyDW9JKosDf7pGYPZDn9ZqESygtPquAXSQu61SzCr
1Ul4UzF8w1Cq0PJvbMWFI9irh8iFMJ+GWCJ96KPPxaGggH71hcJigPJC6Qsn6DI8
aRD5Pip3sesghqjSanb/OmUTBDFL9oVkQvMN+X7v94n+WsdfuFdpAxOr/IMGH4sc
5QAUjqao3OQclE9aoZ2zZAj+rhbKzEPvf2m3TJNx88/G2CTb5Lm4gUW6R+x0kjec
KbAY+azJeQ8jmUXZOguNdwtvWo3gs5pXKux6HMaWPsHf7l2/mjfpqjmi1ZiLbhqh
9wIDAQAB
-----END PUBLIC KEY-----
`;

export const LOCAL_WXPAY_PRIVATE_KEY_PEM = `-----BEGIN PRIVATE KEY-----
MIIEvwIBADANBgkqhkiG9w0BAQEFAASCBKkwggSlAgEAAoIBAQDoigABxXM0kwPj
1u5MBHf2LlJ43WGfDa19sejrLf60Gh3INb0kqiwN/ukZg9kOf1moRLKC0+q4BdJC
7rVLMKvVSXhTMXzDUKrQ8m9sxYUj2KuHyIUwn4ZYIn3oo8/FoaCAfvWFwmKA8kLp
CyfoMjxpEPk+Knex6yCGqNJqdv86ZRMEMUv2hWRC8w35fu/3if5ax1+4V2kDE6v8
gwYfixzlABSOpqjc5ByUT1qhnbNkCP6uFsrMQ+9/abdMk3Hzz8bYJNvkubiBRbpH
7HSSN5wpsBj5rMl5DyOZRdk6C413C29ajeCzmlcq7HocxpY+wd/uXb+aN+mqOaLV
mItuGqH3AgMBAAECggEAA1IGu/+9ksoCns89dqWdsBmebdr8/0Nq71+J+Hzr2Fbp
hye7r3lXYn/Gt+mNDbFXbpkRUqyDlOS1L7JIfm4pSStgzEQc1Vq8H0dG76ITMgOj
0PvvaVYhAFzFuK7i7NFPZ5mCGGRB+dHIjzSGLME2FNEvbeoEH+zZxj9E4Eyz4+Ak
oVmTSK9Vh9/cqAKSaxABPYjdM/g3WyzTPPskYafvXgCMOkd1ZVKhPaQlnWy5nI5G
ZgCVN6Kr/CJe1G6RChhHKseu2oBTHNBvsFhn9mulOdE87HfgMjSPyeVcABm6cruS
5ODy122GE//qryfNkhLvBWPpOGpVO8wV9dKEMP0VqQKBgQD1qo0qL+pQc8touzed
eulna0U3dNjODxM2Cfoh1IQ3Rqidj/BCl0hLnUCELAzuwpB/hZkNLyCMZXzfb52k
H7FKo88RgRQE45ayR6yuNuX0RKXrSH42xYdaXUFCpvxWfTScE11O1MxGxCix0XEy
YbjK7WHqwCVS4Y5J/Inn8CCnQwKBgQDyUhba2hQY5Sa7++eRSZL+I9b6kchuzW8/
/8fSSwy+ri1F9xV4KwLnmLyk5b4daDe6xhGDjw1/HMhOGKcNm0ubJ+bTCcKyC8eD
qAbKH+YiDPZjgAzaPjz+5EXxfYWuc5GNSU/VHlXw6G9WhvJFbBSLsjdbFPTB3JtT
8upORqQtPQKBgQCmPxp0mCRa+WGHqFpEie71e5RFqR8movD/OtU4m5Y1ye1FYyjW
B4Z3FR2Z1C2UTbp3cbNXRrMiD3PnyKLHdGMH/b6dO9qOTG2oi/SBmMkY+nPFuzMe
YaHtNvp43oQZC3XUwQ390OfEY+6eFvwhehwRx37h29HmOpmN3AZ/HPMb/QKBgQCa
iRWAPqGgessoCW9VrYkrwCmCpOQhHax8MR/7Edev5x6CRyAPAccZccOkmcuTr3oT
B+v1bY6a6P0pKPmoaMhfy6OeJNRgfbigUtD5qDw4rPGY5PnNWPHHUEb2yikt5xAE
/aMG9BC00Vbn5Kmu8k1sBZzd3lB1Lb51XC5m+xAKtQKBgQCMRZHutXw4v7cRBpud
aqzMAiB0W9S0wlQPbjligdn5GAkRcd4mInP7Kyjy4pvvkQ4D3ecuug0Rjas3586t
YHzTRcvYM3CFP7DmJthTEKW+ASVYgGj/o/IcdZLBW+WH+ykuJj0/v8Hotsunc3Rt
S9BMWT+Cd93W+/xYy39tBNfzLQ==
-----END PRIVATE KEY-----
`;
