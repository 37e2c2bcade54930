/**
 * The knowledge base a new shop starts with: common after-sales questions of a clothing and shoe shop, written for
 * this project in our own words. Ids are stable (the evaluation set and links name them); the keeper edits the
 * wording in the console, and a deleted seed does not come back (the store remembers it was seeded).
 */
import type { KnowledgeCategory } from './entry.js';

export interface SeedEntry {
  id: string;
  category: KnowledgeCategory;
  question: string;
  answer: string;
  tags: string[];
}

export const SEED_ENTRIES: readonly SeedEntry[] = [
  {
    id: 'size-choose',
    category: 'size',
    question: '尺码怎么选？',
    answer:
      '每款详情页都有尺码表。您可以量一件平时穿着合身的衣服，对照表里的胸围、衣长来选；也可以告诉我们身高、体重和平时穿的码，我们帮您推荐。',
    tags: ['尺码表', '身高体重', '推荐尺码', '穿多大'],
  },
  {
    id: 'size-runs',
    category: 'size',
    question: '这款偏大还是偏小，尺码标准吗？',
    answer:
      '大部分款式按标准码做，个别宽松版或修身版会在详情页写明“偏大一码”或“偏小一码”。拿不准时把款号发给我们，我们按实际试穿告诉您。',
    tags: ['偏大', '偏小', '标准码', '版型', '修身', '宽松'],
  },
  {
    id: 'shoe-size',
    category: 'size',
    question: '鞋子怎么选码？脚宽、脚背高要拿大一码吗？',
    answer:
      '鞋码按脚长选：量一下脚跟到最长脚趾的长度，对照详情页的鞋码表。脚宽或脚背高的亲建议拿大半码到一码；平时穿的码和脚长一起告诉我们，帮您确认。',
    tags: ['鞋码', '脚长', '脚宽', '脚背高', '半码'],
  },
  {
    id: 'size-between',
    category: 'size',
    question: '在两个尺码之间拿不准，选哪个？',
    answer:
      '喜欢宽松一点选大的，喜欢合身选小的。上衣看胸围和肩宽，裤子看腰围和臀围，哪一项卡在中间就以那一项为准。也可以两个码都说给我们，帮您对比。',
    tags: ['纠结', '中间码', '两个码', '选大选小'],
  },
  {
    id: 'length-measure',
    category: 'size',
    question: '尺码表上的尺寸是怎么量的？有误差吗？',
    answer:
      '尺码表是衣服平铺测量的数据：衣长从肩线最高点量到下摆，胸围是腋下一圈。手工测量会有1到3厘米的误差，属于正常范围。',
    tags: ['尺寸', '测量', '平铺', '误差', '衣长', '胸围', '裤长'],
  },
  {
    id: 'shoe-tight',
    category: 'size',
    question: '新鞋挤脚、磨脚怎么办？',
    answer:
      '新鞋刚穿会硬一些，可以先在家穿一两个小时让它变软，磨脚的地方贴个创可贴。如果脚趾明显顶到或者走路疼，说明码小了，不影响二次销售的情况下可以换大一码。',
    tags: ['挤脚', '磨脚', '夹脚', '顶脚', '新鞋', '撑鞋'],
  },
  {
    id: 'exchange-size',
    category: 'exchange',
    question: '尺码不合适能换吗？怎么换？',
    answer:
      '可以换。吊牌和包装保持完好、没有穿着洗涤过就行。先告诉我们想换的码，确认有货后按退货地址寄回，写上旺旺名和想换的码，我们收到后把新码发出。',
    tags: ['换码', '换大一码', '换小一码', '换货流程'],
  },
  {
    id: 'exchange-colour',
    category: 'exchange',
    question: '能换颜色或者换别的款吗？',
    answer:
      '同款换颜色可以直接换；换成别的款，按退货退款处理后再重新拍下更方便，差价不用来回补。寄回前告诉我们想要的颜色，我们先帮您留货。',
    tags: ['换颜色', '换色', '换款', '换别的'],
  },
  {
    id: 'exchange-postage',
    category: 'exchange',
    question: '换货的运费谁出？',
    answer:
      '质量问题或我们发错，来回运费都由店里承担。不喜欢或尺码不合适的换货，寄回的运费由您承担，换的新货我们包邮寄出；拍下时买了运费险的可以抵寄回运费。',
    tags: ['换货运费', '邮费', '运费', '谁出'],
  },
  {
    id: 'exchange-time',
    category: 'exchange',
    question: '换货寄回后，新的多久发出？',
    answer: '仓库收到寄回的包裹后一般1到2天内核对完并把新货发出，发出后会告诉您新的快递单号。',
    tags: ['换货进度', '新货', '多久发出'],
  },
  {
    id: 'return-how',
    category: 'return',
    question: '怎么退货退款？',
    answer:
      '签收后7天内不影响二次销售的可以无理由退货：在订单里点“退货退款”，选好原因提交，按页面上的地址寄回并填写快递单号，我们收到后处理退款。',
    tags: ['退货', '退款', '七天无理由', '申请退款', '退货流程', '不想要'],
  },
  {
    id: 'return-condition',
    category: 'return',
    question: '什么情况不能退？吊牌剪了还能退吗？',
    answer:
      '吊牌剪掉、穿过、洗过，或者有香水味、污渍，影响二次销售的就不能无理由退了。质量问题不受这个限制，拍照发给我们处理。',
    tags: ['吊牌', '穿过', '洗过', '不能退', '二次销售'],
  },
  {
    id: 'return-postage',
    category: 'return',
    question: '退货的运费谁承担？',
    answer:
      '质量问题、发错或漏发，退回的运费由我们承担，寄出时先垫付，退款时一起退给您。不喜欢、不合适的无理由退货，寄回运费由您承担；有运费险的按运费险赔付。',
    tags: ['退货运费', '邮费', '运费', '来回运费', '谁承担'],
  },
  {
    id: 'return-address',
    category: 'return',
    question: '退货寄到哪里？包裹里要写什么？',
    answer:
      '退货地址以订单里申请退货后页面给的地址为准。包裹里放一张纸条，写上旺旺名、订单号和要退还是要换，寄出后把快递单号填到退货申请里。',
    tags: ['退货地址', '寄回地址', '纸条', '寄回'],
  },
  {
    id: 'refund-when',
    category: 'return',
    question: '寄回去以后多久退款？',
    answer:
      '仓库签收后1到3天内核对完就退款，钱原路退回：支付宝余额一般马上到账，银行卡或花呗按银行的时间，通常1到5个工作日。',
    tags: ['退款时间', '到账', '原路退回', '退钱', '多久退款'],
  },
  {
    id: 'shipping-insurance',
    category: 'return',
    question: '有运费险吗？怎么理赔？',
    answer:
      '拍下时勾选了运费险的，退货完成后保险公司会按地区自动赔付到您的支付宝，不用另外申请。赔付金额由保险公司定，可能比实际运费少一点。',
    tags: ['运费险', '理赔', '赔付', '退货险'],
  },
  {
    id: 'ship-when',
    category: 'shipping',
    question: '什么时候发货？',
    answer:
      '下午5点前付款的一般当天发出，之后付款的第二天发出；预售款按页面写的日期发货。大促期间可能晚1到2天，我们会尽快。',
    tags: ['发货时间', '当天发', '几点前', '多久发货', '还没发货'],
  },
  {
    id: 'delivery-days',
    category: 'shipping',
    question: '发货后几天能到？',
    answer: '发出后江浙沪一般1到2天，大部分地区2到4天，新疆、西藏等偏远地区5到7天。天气和节假日可能会慢一点。',
    tags: ['到货时间', '几天到', '多久到', '偏远地区', '收到'],
  },
  {
    id: 'courier-which',
    category: 'shipping',
    question: '发什么快递？能指定快递吗？',
    answer: '默认发中通或圆通，由系统按地区选速度快的。需要顺丰的可以补差价，下单时在留言里写明，我们尽量安排。',
    tags: ['快递公司', '指定快递', '顺丰', '中通', '圆通'],
  },
  {
    id: 'tracking',
    category: 'shipping',
    question: '怎么查物流？物流好几天不更新怎么办？',
    answer:
      '在订单详情里点“查看物流”就能看到进度。超过两天没有更新的，把订单号发给我们，我们联系快递公司催一下，有结果第一时间告诉您。',
    tags: ['查物流', '物流不更新', '物流不动', '包裹到哪', '催件', '单号'],
  },
  {
    id: 'change-address',
    category: 'shipping',
    question: '拍下后能改地址或电话吗？',
    answer:
      '还没发货的可以改：把新的收货人、电话和地址发给我们，改好后会跟您确认。已经发出的只能联系快递转寄，我们帮您问。',
    tags: ['改地址', '地址写错', '改电话', '收货人'],
  },
  {
    id: 'signed-not-received',
    category: 'shipping',
    question: '显示已签收，但我没收到？',
    answer:
      '先看看门卫、快递柜、驿站或家人有没有代收。都没有的话把订单号发给我们，我们找快递公司核实，确认丢件会给您补发或退款。',
    tags: ['签收', '没收到', '代收', '驿站', '丢件'],
  },
  {
    id: 'fade',
    category: 'quality',
    question: '衣服掉色怎么办？',
    answer:
      '深色和牛仔类前几次洗有少量浮色是正常的，建议第一次用冷水加一勺盐泡一下再单独洗。如果掉色很严重或者把别的衣服染色了，拍照发给我们，按质量问题处理。',
    tags: ['掉色', '褪色', '染色', '串色', '浮色'],
  },
  {
    id: 'shrink-pilling',
    category: 'quality',
    question: '洗后缩水、起球、变形怎么办？',
    answer:
      '棉麻面料第一次洗会有轻微缩水，按水洗标洗一般在正常范围。正常穿洗后明显缩水、起球或变形的，拍照和水洗标一起发给我们，按质量问题给您处理。',
    tags: ['缩水', '起球', '变形', '洗坏了'],
  },
  {
    id: 'defect',
    category: 'quality',
    question: '收到有破洞、开线、开胶或者脏污怎么办？',
    answer: '真抱歉！拍几张清楚的照片发给我们，质量问题可以退货、换新或者给一点补偿，来回运费都由我们承担。',
    tags: ['瑕疵', '破洞', '开线', '开胶', '脏污', '线头', '质量不好'],
  },
  {
    id: 'colour-diff',
    category: 'quality',
    question: '实物颜色和图片不一样，是色差吗？',
    answer:
      '图片都是实物拍的，不同手机屏幕和灯光下看会有一点差别，在自然光下看最接近。差别大到影响穿着的，拍照发给我们，帮您换或退。',
    tags: ['色差', '颜色不一样', '和图片不符'],
  },
  {
    id: 'smell',
    category: 'quality',
    question: '衣服或鞋子有味道正常吗？',
    answer:
      '新衣服和新鞋从仓库出来，可能有一点面料或胶水的味道，放在通风处晾一两天就会散掉。味道很重、刺鼻的，请拍照联系我们。',
    tags: ['味道', '异味', '胶味', '刺鼻'],
  },
  {
    id: 'invoice-how',
    category: 'invoice',
    question: '能开发票吗？怎么开？',
    answer:
      '可以开电子发票。确认收货后把抬头（个人或公司名称）和税号发给我们，一般3个工作日内开好，发到订单里或者您的邮箱。',
    tags: ['发票', '电子发票', '抬头', '税号'],
  },
  {
    id: 'invoice-change',
    category: 'invoice',
    question: '发票抬头写错了，或者要开专票？',
    answer:
      '抬头或税号写错的，告诉我们正确的信息，我们作废后重开。需要增值税专用发票的，把开票资料发给我们，开好后快递寄出。',
    tags: ['专票', '改抬头', '重开', '发票写错'],
  },
  {
    id: 'wrong-item',
    category: 'wrong-missing',
    question: '发错货了（颜色、尺码或款式不对）怎么办？',
    answer:
      '真抱歉是我们的失误！拍一下收到的宝贝和吊牌发给我们，核实后马上把对的寄出，发错的寄回来，来回运费都由我们承担。',
    tags: ['发错', '颜色不对', '尺码不对', '款式不对', '不是我买的'],
  },
  {
    id: 'missing-item',
    category: 'wrong-missing',
    question: '少发了一件或者赠品没收到？',
    answer:
      '有时一单会分成两个包裹发，先看看订单里是不是还有一个单号。都到了还是少的，拍一下包裹里的东西发给我们，核实后马上补发。',
    tags: ['漏发', '少发', '少件', '缺件', '赠品', '分包裹'],
  },
  {
    id: 'wash-clothes',
    category: 'care',
    question: '衣服怎么洗？能机洗吗？',
    answer:
      '以衣服里的水洗标为准。一般建议冷水手洗或洗衣机轻柔模式，深浅分开，翻面洗；羊毛、羽绒和真丝类建议干洗或专门洗护，不要暴晒。',
    tags: ['洗涤', '机洗', '手洗', '水洗标', '干洗', '洗衣机'],
  },
  {
    id: 'wash-shoes',
    category: 'care',
    question: '鞋子怎么清洗和保养？',
    answer:
      '鞋面用软毛刷蘸清水或专用清洁剂轻刷，不建议整只泡水或放洗衣机。小白鞋可以用牙膏擦，洗完塞纸巾放阴凉处晾干，别暴晒。',
    tags: ['洗鞋', '刷鞋', '保养', '小白鞋', '清洗'],
  },
  {
    id: 'pay-how',
    category: 'payment',
    question: '怎么付款？付款失败怎么办？',
    answer:
      '支持支付宝、花呗和银行卡。付款失败多半是余额或限额不够，可以换一种方式再付；订单在待付款里保留一段时间，超时会自动关闭，重新拍就行。',
    tags: ['付款', '支付失败', '花呗', '银行卡', '付不了'],
  },
  {
    id: 'coupon',
    category: 'payment',
    question: '有优惠券吗？券怎么用？',
    answer:
      '店铺首页和宝贝页面可以领券，拍下时满足金额会自动抵扣。用不了的券多半是没到满减金额或者不是这款能用的，截图发给我们帮您看。',
    tags: ['优惠券', '领券', '满减', '优惠', '便宜'],
  },
];
