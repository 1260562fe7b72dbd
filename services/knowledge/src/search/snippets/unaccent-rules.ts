// The letter rules of PostgreSQL 15's unaccent dictionary (tsearch_data/unaccent.rules), copied
// as data: each entry is a letter followed by what unaccent makes of it (ä → a, ß → ss, æ → ae …).
// The rules' other entries are symbols and punctuation, which never reach a word token.

/** Letter → its unaccented form, as PostgreSQL's unaccent.rules has it. */
export const UNACCENT_RULES: ReadonlyMap<string, string> = new Map(
  `
  ÀA ÁA ÂA ÃA ÄA ÅA ÆAE ÇC ÈE ÉE ÊE ËE ÌI ÍI ÎI ÏI ÐD ÑN ÒO ÓO ÔO ÕO ÖO ØO ÙU ÚU ÛU ÜU ÝY ÞTH ßss àa
  áa âa ãa äa åa æae çc èe ée êe ëe ìi íi îi ïi ðd ñn òo óo ôo õo öo øo ùu úu ûu üu ýy þth ÿy ĀA āa ĂA
  ăa ĄA ąa ĆC ćc ĈC ĉc ĊC ċc ČC čc ĎD ďd ĐD đd ĒE ēe ĔE ĕe ĖE ėe ĘE ęe ĚE ěe ĜG ĝg ĞG ğg ĠG ġg ĢG ģg
  ĤH ĥh ĦH ħh ĨI ĩi ĪI īi ĬI ĭi ĮI įi İI ıi ĲIJ ĳij ĴJ ĵj ĶK ķk ĸq ĹL ĺl ĻL ļl ĽL ľl ĿL ŀl ŁL łl ŃN ńn
  ŅN ņn ŇN ňn ŉ'n ŊN ŋn ŌO ōo ŎO ŏo ŐO őo ŒOE œoe ŔR ŕr ŖR ŗr ŘR řr ŚS śs ŜS ŝs ŞS şs ŠS šs ŢT ţt ŤT
  ťt ŦT ŧt ŨU ũu ŪU ūu ŬU ŭu ŮU ůu ŰU űu ŲU ųu ŴW ŵw ŶY ŷy ŸY ŹZ źz ŻZ żz ŽZ žz ſs ƀb ƁB ƂB ƃb ƇC ƈc
  ƉD ƊD ƋD ƌd ƐE ƑF ƒf ƓG ƕhv ƖI ƗI ƘK ƙk ƚl ƝN ƞn ƠO ơo ƢOI ƣoi ƤP ƥp ƫt ƬT ƭt ƮT ƯU ưu ƲV ƳY ƴy ƵZ
  ƶz ǄDZ ǅDz ǆdz ǇLJ ǈLj ǉlj ǊNJ ǋNj ǌnj ǍA ǎa ǏI ǐi ǑO ǒo ǓU ǔu ǕU ǖu ǗU ǘu ǙU ǚu ǛU ǜu ǞA ǟa ǠA ǡa
  ǤG ǥg ǦG ǧg ǨK ǩk ǪO ǫo ǬO ǭo ǰj ǱDZ ǲDz ǳdz ǴG ǵg ǸN ǹn ǺA ǻa ȀA ȁa ȂA ȃa ȄE ȅe ȆE ȇe ȈI ȉi ȊI ȋi
  ȌO ȍo ȎO ȏo ȐR ȑr ȒR ȓr ȔU ȕu ȖU ȗu ȘS șs ȚT țt ȞH ȟh ȡd ȤZ ȥz ȦA ȧa ȨE ȩe ȪO ȫo ȬO ȭo ȮO ȯo ȰO ȱo
  ȲY ȳy ȴl ȵn ȶt ȷj ȸdb ȹqp ȺA ȻC ȼc ȽL ȾT ȿs ɀz ɃB ɄU ɆE ɇe ɈJ ɉj ɌR ɍr ɎY ɏy ɓb ɕc ɖd ɗd ɛe ɟj ɠg ɡg
  ɢG ɦh ɧh ɨi ɪI ɫl ɬl ɭl ɱm ɲn ɳn ɴN ɶOE ɼr ɽr ɾr ʀR ʂs ʈt ʉu ʋv ʏY ʐz ʑz ʙB ʛG ʜH ʝj ʟL ʠq ʣdz ʥdz
  ʦts ʪls ʫlz ʹ' ʺ" ʻ' ʼ' ʽ' ˆ^ ˈ' ˋ\` ː: ΆΑ ΈΕ ΉΗ ΊΙ ΌΟ ΎΥ ΏΩ ΐι ΪΙ ΫΥ άα έε ήη ίι ΰυ ϊι ϋυ όο ύυ ώω
  ЁЕ ёе ᴀA ᴁAE ᴃB ᴄC ᴅD ᴆD ᴇE ᴊJ ᴋK ᴌL ᴍM ᴏO ᴘP ᴛT ᴜU ᴠV ᴡW ᴢZ ᵫue ᵬb ᵭd ᵮf ᵯm ᵰn ᵱp ᵲr ᵳr ᵴs ᵵt ᵶz
  ᵺth ᵻI ᵽp ᵾU ᶀb ᶁd ᶂf ᶃg ᶄk ᶅl ᶆm ᶇn ᶈp ᶉr ᶊs ᶌv ᶍx ᶎz ᶏa ᶑd ᶒe ᶓe ᶖi ᶙu ḀA ḁa ḂB ḃb ḄB ḅb ḆB ḇb ḈC
  ḉc ḊD ḋd ḌD ḍd ḎD ḏd ḐD ḑd ḒD ḓd ḔE ḕe ḖE ḗe ḘE ḙe ḚE ḛe ḜE ḝe ḞF ḟf ḠG ḡg ḢH ḣh ḤH ḥh ḦH ḧh ḨH ḩh
  ḪH ḫh ḬI ḭi ḮI ḯi ḰK ḱk ḲK ḳk ḴK ḵk ḶL ḷl ḸL ḹl ḺL ḻl ḼL ḽl ḾM ḿm ṀM ṁm ṂM ṃm ṄN ṅn ṆN ṇn ṈN ṉn ṊN
  ṋn ṌO ṍo ṎO ṏo ṐO ṑo ṒO ṓo ṔP ṕp ṖP ṗp ṘR ṙr ṚR ṛr ṜR ṝr ṞR ṟr ṠS ṡs ṢS ṣs ṤS ṥs ṦS ṧs ṨS ṩs ṪT ṫt
  ṬT ṭt ṮT ṯt ṰT ṱt ṲU ṳu ṴU ṵu ṶU ṷu ṸU ṹu ṺU ṻu ṼV ṽv ṾV ṿv ẀW ẁw ẂW ẃw ẄW ẅw ẆW ẇw ẈW ẉw ẊX ẋx ẌX
  ẍx ẎY ẏy ẐZ ẑz ẒZ ẓz ẔZ ẕz ẖh ẗt ẘw ẙy ẚa ẜs ẝs ẞSS ẠA ạa ẢA ảa ẤA ấa ẦA ầa ẨA ẩa ẪA ẫa ẬA ậa ẮA ắa
  ẰA ằa ẲA ẳa ẴA ẵa ẶA ặa ẸE ẹe ẺE ẻe ẼE ẽe ẾE ếe ỀE ềe ỂE ểe ỄE ễe ỆE ệe ỈI ỉi ỊI ịi ỌO ọo ỎO ỏo ỐO
  ốo ỒO ồo ỔO ổo ỖO ỗo ỘO ộo ỚO ớo ỜO ờo ỞO ởo ỠO ỡo ỢO ợo ỤU ụu ỦU ủu ỨU ứu ỪU ừu ỬU ửu ỮU ữu ỰU ựu
  ỲY ỳy ỴY ỵy ỶY ỷy ỸY ỹy ỺLL ỻll ỼV ỽv ỾY ỿy ἀα ἁα ἂα ἃα ἄα ἅα ἆα ἇα ἈΑ ἉΑ ἊΑ ἋΑ ἌΑ ἍΑ ἎΑ ἏΑ ἐε ἑε ἒε
  ἓε ἔε ἕε ἘΕ ἙΕ ἚΕ ἛΕ ἜΕ ἝΕ ἠη ἡη ἢη ἣη ἤη ἥη ἦη ἧη ἨΗ ἩΗ ἪΗ ἫΗ ἬΗ ἭΗ ἮΗ ἯΗ ἰι ἱι ἲι ἳι ἴι ἵι ἶι ἷι
  ἸΙ ἹΙ ἺΙ ἻΙ ἼΙ ἽΙ ἾΙ ἿΙ ὀο ὁο ὂο ὃο ὄο ὅο ὈΟ ὉΟ ὊΟ ὋΟ ὌΟ ὍΟ ὐυ ὑυ ὒυ ὓυ ὔυ ὕυ ὖυ ὗυ ὙΥ ὛΥ ὝΥ ὟΥ ὠω
  ὡω ὢω ὣω ὤω ὥω ὦω ὧω ὨΩ ὩΩ ὪΩ ὫΩ ὬΩ ὭΩ ὮΩ ὯΩ ὰα ὲε ὴη ὶι ὸο ὺυ ὼω ᾀα ᾁα ᾂα ᾃα ᾄα ᾅα ᾆα ᾇα ᾈΑ ᾉΑ ᾊΑ
  ᾋΑ ᾌΑ ᾍΑ ᾎΑ ᾏΑ ᾐη ᾑη ᾒη ᾓη ᾔη ᾕη ᾖη ᾗη ᾘΗ ᾙΗ ᾚΗ ᾛΗ ᾜΗ ᾝΗ ᾞΗ ᾟΗ ᾠω ᾡω ᾢω ᾣω ᾤω ᾥω ᾦω ᾧω ᾨΩ ᾩΩ ᾪΩ ᾫΩ
  ᾬΩ ᾭΩ ᾮΩ ᾯΩ ᾰα ᾱα ᾲα ᾳα ᾴα ᾶα ᾷα ᾸΑ ᾹΑ ᾺΑ ᾼΑ ῂη ῃη ῄη ῆη ῇη ῈΕ ῊΗ ῌΗ ῐι ῑι ῒι ῖι ῗι ῘΙ ῙΙ ῚΙ ῠυ ῡυ
  ῢυ ῤρ ῥρ ῦυ ῧυ ῨΥ ῩΥ ῪΥ ῬΡ ῲω ῳω ῴω ῶω ῷω ῸΟ ῺΩ ῼΩ ℂC ℊg ℋH ℌx ℍH ℎh ℐI ℑI ℒL ℓl ℕN ℙP ℚQ ℛR ℜR ℝR
  ℤZ ℨZ ℬB ℭC ℯe ℰE ℱF ℳM ℴo ℹi ⅅD ⅆd ⅇe ⅈi ⅉj ⱠL ⱡl ⱢL ⱣP ⱤR ⱥa ⱦt ⱧH ⱨh ⱩK ⱪk ⱫZ ⱬz ⱮM ⱱv ⱲW ⱳw ⱴv
  ⱸe ⱺo ⱾS ⱿZ ꜰF ꜱS ꜲAA ꜳaa ꜴAO ꜵao ꜶAU ꜷau ꜸAV ꜹav ꜺAV ꜻav ꜼAY ꜽay ꝀK ꝁk ꝂK ꝃk ꝄK ꝅk ꝆL ꝇl ꝈL ꝉl ꝊO
  ꝋo ꝌO ꝍo ꝎOO ꝏoo ꝐP ꝑp ꝒP ꝓp ꝔP ꝕp ꝖQ ꝗq ꝘQ ꝙq ꝞV ꝟv ꝠVY ꝡvy ꝤTH ꝥth ꝦTH ꝧth ꝱd ꝲl ꝳm ꝴn ꝵr ꝶR ꝷt ꝹD
  ꝺd ꝻF ꝼf ꞆT ꞇt ꞐN ꞑn ꞒC ꞓc ꞠG ꞡg ꞢK ꞣk ꞤN ꞥn ꞦR ꞧr ꞨS ꞩs ꞪH ﬀff ﬁfi ﬂfl ﬃffi ﬄffl ﬅst ﬆst ＡA ＢB ＣC
  ＤD ＥE ＦF ＧG ＨH ＩI ＪJ ＫK ＬL ＭM ＮN ＯO ＰP ＱQ ＲR ＳS ＴT ＵU ＶV ＷW ＸX ＹY ＺZ ａa ｂb ｃc ｄd ｅe ｆf ｇg ｈh ｉi ｊj
  ｋk ｌl ｍm ｎn ｏo ｐp ｑq ｒr ｓs ｔt ｕu ｖv ｗw ｘx ｙy ｚz
`
    .trim()
    .split(/\s+/)
    .map((entry) => [entry.slice(0, 1), entry.slice(1)] as const),
);
