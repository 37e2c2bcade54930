/** The shop's catalogue: a small clothing and shoe shop. Prices in fen. */

export interface CatalogueItem {
  numIid: number;
  /** 货号 */
  outerIid: string;
  title: string;
  price: number;
  colours: readonly string[];
  sizeName: '尺码' | '鞋码';
  sizes: readonly string[];
  /** How often it sells, relative. */
  weight: number;
}

const CLOTHES = ['S', 'M', 'L', 'XL', '2XL'];
const SHOES = ['35', '36', '37', '38', '39', '40', '41', '42', '43', '44'];

const row = (
  n: number,
  outerIid: string,
  title: string,
  yuan: number,
  colours: string[],
  shoes: boolean,
  weight: number,
): CatalogueItem => ({
  numIid: 612_345_678_000 + n * 137,
  outerIid,
  title,
  price: yuan * 100,
  colours,
  sizeName: shoes ? '鞋码' : '尺码',
  sizes: shoes ? SHOES : CLOTHES,
  weight,
});

export const CATALOGUE: readonly CatalogueItem[] = [
  row(1, 'A1001', '秋冬新款韩版宽松加绒连帽卫衣女学生百搭上衣', 128, ['黑色', '灰色', '杏色', '雾霾蓝'], false, 10),
  row(2, 'A1008', '纯棉短袖T恤女夏季宽松圆领白色打底衫', 59, ['白色', '黑色', '粉色', '浅绿'], false, 12),
  row(3, 'A1015', '高腰阔腿牛仔裤女显瘦垂感直筒拖地裤', 139, ['浅蓝', '深蓝', '黑色'], false, 9),
  row(4, 'A1023', '法式复古碎花连衣裙女收腰显瘦中长款', 199, ['碎花蓝', '碎花黄', '黑底白花'], false, 7),
  row(5, 'A1031', '羊毛混纺双面呢大衣女中长款过膝', 599, ['驼色', '黑色', '燕麦色'], false, 4),
  row(6, 'A1042', '轻薄羽绒服女短款立领白鸭绒保暖外套', 399, ['黑色', '米白', '雾粉', '藏青'], false, 6),
  row(7, 'A1057', '针织开衫女春秋薄款V领外搭毛衣', 119, ['米白', '奶咖', '浅灰', '黑色'], false, 8),
  row(8, 'A1063', '百褶半身裙女高腰A字中长款', 89, ['黑色', '卡其', '灰色'], false, 7),
  row(9, 'A1078', '冰丝防晒衣女夏季薄款透气防紫外线外套', 79, ['白色', '浅紫', '天蓝', '薄荷绿'], false, 8),
  row(10, 'A1085', '男士纯棉衬衫长袖商务休闲免烫白衬衣', 149, ['白色', '浅蓝', '条纹蓝'], false, 5),
  row(11, 'A1092', '男款冲锋衣三合一防风防水户外夹克', 459, ['黑色', '军绿', '藏蓝'], false, 3),
  row(12, 'A1106', '运动套装女春秋休闲卫衣两件套', 169, ['灰色', '黑色', '燕麦色'], false, 6),
  row(13, 'B2011', '小白鞋女百搭板鞋学生透气运动休闲鞋', 159, ['白绿', '纯白', '白粉'], true, 9),
  row(14, 'B2026', '复古老爹鞋女增高厚底运动鞋', 219, ['米白', '灰粉', '黑色'], true, 6),
  row(15, 'B2038', '真皮乐福鞋女英伦风小皮鞋平底单鞋', 269, ['黑色', '棕色', '杏色'], true, 4),
  row(16, 'B2045', '雪地靴女冬季加绒加厚短靴防滑', 199, ['栗色', '黑色', '灰色'], true, 5),
  row(17, 'B2051', '男士商务皮鞋真皮系带正装鞋', 329, ['黑色', '棕色'], true, 3),
  row(18, 'B2067', '夏季凉鞋女平底罗马风一字带沙滩鞋', 99, ['黑色', '米色', '银色'], true, 5),
];

/** SKU index → colour/size of an item: colours vary slowest. */
export function skuOf(item: CatalogueItem, sku: number): { colour: string; size: string } {
  return { colour: item.colours[Math.floor(sku / item.sizes.length)]!, size: item.sizes[sku % item.sizes.length]! };
}

export function skuCount(item: CatalogueItem): number {
  return item.colours.length * item.sizes.length;
}

export function skuProperties(item: CatalogueItem, sku: number): string {
  const { colour, size } = skuOf(item, sku);
  return `颜色分类:${colour};${item.sizeName}:${size}`;
}

export function skuId(item: CatalogueItem, sku: number): string {
  return String(4_800_000_000_000 + (item.numIid % 1_000_000) * 100 + sku);
}

export function outerSkuId(item: CatalogueItem, sku: number): string {
  const { size } = skuOf(item, sku);
  return `${item.outerIid}-${Math.floor(sku / item.sizes.length) + 1}-${size}`;
}
