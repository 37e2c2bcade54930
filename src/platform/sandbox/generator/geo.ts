import type { Rng } from './prng.js';

/** Real districts with their resident-ID region codes (first 6 digits of an ID) and postcodes. */
interface District {
  state: string;
  city: string;
  district: string;
  code: string;
  zip: string;
  towns: readonly string[];
  streets: readonly string[];
}

export const DISTRICTS: readonly District[] = [
  {
    state: '北京',
    city: '北京市',
    district: '朝阳区',
    code: '110105',
    zip: '100020',
    towns: ['望京街道', '建外街道'],
    streets: ['望京西路', '建国路', '朝阳北路'],
  },
  {
    state: '北京',
    city: '北京市',
    district: '海淀区',
    code: '110108',
    zip: '100080',
    towns: ['中关村街道', '学院路街道'],
    streets: ['中关村大街', '学院路', '知春路'],
  },
  {
    state: '上海',
    city: '上海市',
    district: '浦东新区',
    code: '310115',
    zip: '200120',
    towns: ['陆家嘴街道', '花木街道'],
    streets: ['世纪大道', '张杨路', '峨山路'],
  },
  {
    state: '上海',
    city: '上海市',
    district: '徐汇区',
    code: '310104',
    zip: '200030',
    towns: ['徐家汇街道', '天平路街道'],
    streets: ['漕溪北路', '天钥桥路', '宜山路'],
  },
  {
    state: '广东省',
    city: '广州市',
    district: '天河区',
    code: '440106',
    zip: '510630',
    towns: ['石牌街道', '天河南街道'],
    streets: ['天河路', '体育西路', '中山大道西'],
  },
  {
    state: '广东省',
    city: '深圳市',
    district: '南山区',
    code: '440305',
    zip: '518052',
    towns: ['粤海街道', '南头街道'],
    streets: ['科技园南路', '南海大道', '桃园路'],
  },
  {
    state: '浙江省',
    city: '杭州市',
    district: '西湖区',
    code: '330106',
    zip: '310012',
    towns: ['文新街道', '翠苑街道'],
    streets: ['文一西路', '古墩路', '天目山路'],
  },
  {
    state: '江苏省',
    city: '南京市',
    district: '鼓楼区',
    code: '320106',
    zip: '210008',
    towns: ['湖南路街道', '宁海路街道'],
    streets: ['中山北路', '湖南路', '北京西路'],
  },
  {
    state: '江苏省',
    city: '苏州市',
    district: '姑苏区',
    code: '320508',
    zip: '215000',
    towns: ['平江街道', '双塔街道'],
    streets: ['人民路', '干将西路', '十全街'],
  },
  {
    state: '四川省',
    city: '成都市',
    district: '武侯区',
    code: '510107',
    zip: '610041',
    towns: ['玉林街道', '浆洗街街道'],
    streets: ['武侯祠大街', '科华北路', '玉林南路'],
  },
  {
    state: '湖北省',
    city: '武汉市',
    district: '武昌区',
    code: '420106',
    zip: '430061',
    towns: ['中南路街道', '水果湖街道'],
    streets: ['中南路', '武珞路', '中北路'],
  },
  {
    state: '陕西省',
    city: '西安市',
    district: '雁塔区',
    code: '610113',
    zip: '710061',
    towns: ['小寨路街道', '长延堡街道'],
    streets: ['长安南路', '雁塔西路', '科技路'],
  },
  {
    state: '重庆',
    city: '重庆市',
    district: '渝中区',
    code: '500103',
    zip: '400010',
    towns: ['解放碑街道', '七星岗街道'],
    streets: ['民族路', '中山三路', '邹容路'],
  },
  {
    state: '山东省',
    city: '青岛市',
    district: '市南区',
    code: '370202',
    zip: '266071',
    towns: ['八大关街道', '香港中路街道'],
    streets: ['香港中路', '山东路', '东海西路'],
  },
  {
    state: '福建省',
    city: '厦门市',
    district: '思明区',
    code: '350203',
    zip: '361001',
    towns: ['鹭江街道', '嘉莲街道'],
    streets: ['中山路', '湖滨南路', '莲前西路'],
  },
  {
    state: '湖南省',
    city: '长沙市',
    district: '天心区',
    code: '430103',
    zip: '410004',
    towns: ['坡子街街道', '城南路街道'],
    streets: ['解放西路', '芙蓉中路', '劳动西路'],
  },
  {
    state: '河南省',
    city: '郑州市',
    district: '金水区',
    code: '410105',
    zip: '450003',
    towns: ['经八路街道', '花园路街道'],
    streets: ['花园路', '经三路', '农业路'],
  },
  {
    state: '辽宁省',
    city: '沈阳市',
    district: '和平区',
    code: '210102',
    zip: '110001',
    towns: ['太原街街道', '南市场街道'],
    streets: ['南京北街', '中华路', '太原北街'],
  },
  {
    state: '天津',
    city: '天津市',
    district: '和平区',
    code: '120101',
    zip: '300041',
    towns: ['小白楼街道', '劝业场街道'],
    streets: ['南京路', '解放北路', '营口道'],
  },
  {
    state: '云南省',
    city: '昆明市',
    district: '五华区',
    code: '530102',
    zip: '650021',
    towns: ['华山街道', '护国街道'],
    streets: ['人民中路', '青年路', '东风西路'],
  },
  {
    state: '黑龙江省',
    city: '哈尔滨市',
    district: '南岗区',
    code: '230103',
    zip: '150001',
    towns: ['花园街道', '大成街道'],
    streets: ['红军街', '西大直街', '果戈里大街'],
  },
  {
    state: '安徽省',
    city: '合肥市',
    district: '蜀山区',
    code: '340104',
    zip: '230031',
    towns: ['三里庵街道', '稻香村街道'],
    streets: ['长江西路', '黄山路', '潜山路'],
  },
  {
    state: '江西省',
    city: '南昌市',
    district: '东湖区',
    code: '360102',
    zip: '330006',
    towns: ['公园街道', '八一桥街道'],
    streets: ['八一大道', '中山路', '叠山路'],
  },
];

const COMMUNITIES = [
  '阳光花园',
  '金色家园',
  '锦绣小区',
  '翠苑',
  '华府',
  '幸福里',
  '碧桂园',
  '万科城',
  '绿地小区',
  '梧桐苑',
];

interface Overseas {
  country: string;
  state: string;
  city: string;
  zip: string;
  mobilePrefix: string;
  mobileDigits: number;
  addresses: readonly string[];
}

export const OVERSEAS: readonly Overseas[] = [
  {
    country: '新加坡',
    state: '新加坡',
    city: '新加坡',
    zip: '560123',
    mobilePrefix: '+65 9',
    mobileDigits: 7,
    addresses: ['Blk 123 Ang Mo Kio Ave 3 #05-12', 'Blk 456 Tampines St 42 #11-08'],
  },
  {
    country: '马来西亚',
    state: '吉隆坡',
    city: '吉隆坡',
    zip: '55100',
    mobilePrefix: '+60 12',
    mobileDigits: 7,
    addresses: ['No. 12, Jalan Bukit Bintang', 'No. 8, Jalan Ampang'],
  },
  {
    country: '澳大利亚',
    state: '新南威尔士州',
    city: '悉尼',
    zip: '2000',
    mobilePrefix: '+61 4',
    mobileDigits: 8,
    addresses: ['45 George Street, Sydney NSW', 'Unit 7, 120 Pitt Street'],
  },
  {
    country: '美国',
    state: '加利福尼亚州',
    city: '洛杉矶',
    zip: '90017',
    mobilePrefix: '+1 213',
    mobileDigits: 7,
    addresses: ['1200 Wilshire Blvd Apt 305', '350 S Grand Ave Unit 2208'],
  },
  {
    country: '日本',
    state: '东京都',
    city: '东京',
    zip: '160-0023',
    mobilePrefix: '+81 90',
    mobileDigits: 8,
    addresses: ['新宿区西新宿2-8-1', '涩谷区道玄坂1-12-3'],
  },
  {
    country: '加拿大',
    state: '不列颠哥伦比亚省',
    city: '温哥华',
    zip: 'V6Z 1X9',
    mobilePrefix: '+1 604',
    mobileDigits: 7,
    addresses: ['888 Burrard St Unit 1502', '1050 Smithe St Apt 903'],
  },
];

export interface Address {
  state: string;
  city: string;
  district: string;
  town: string;
  address: string;
  zip: string;
  country: string;
}

export function domesticAddress(rng: Rng, d: District): Address {
  let detail = `${rng.pick(d.streets)}${rng.int(1, 399)}号`;
  if (rng.chance(0.7))
    detail += `${rng.pick(COMMUNITIES)}${rng.int(1, 28)}栋${rng.int(1, 4)}单元${rng.int(1, 32)}0${rng.int(1, 6)}室`;
  return {
    state: d.state,
    city: d.city,
    district: d.district,
    town: rng.pick(d.towns),
    address: detail,
    zip: d.zip,
    country: '',
  };
}

export function overseasAddress(rng: Rng, o: Overseas): Address {
  return {
    state: o.state,
    city: o.city,
    district: '',
    town: '',
    address: rng.pick(o.addresses),
    zip: o.zip,
    country: o.country,
  };
}

export function domesticMobile(rng: Rng): string {
  return `1${rng.int(3, 9)}${rng.digits(9)}`;
}

export function overseasMobile(rng: Rng, o: Overseas): string {
  return o.mobilePrefix + rng.digits(o.mobileDigits);
}
